import type { Theme } from '../api/types';

/** The nonce the server put on this page's own tags; every stylesheet the app adds must carry it. */
function pageNonce(): string {
  const tagged = document.querySelector<HTMLScriptElement | HTMLMetaElement>(
    'script[nonce], meta[property="csp-nonce"]',
  );
  return tagged?.nonce ?? '';
}

/** Only URLs of this page's origin: the CSP allows no other, and the server serves theme files from here. */
function sameOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url, location.href);
    return resolved.origin === location.origin ? resolved.href : null;
  } catch {
    return null;
  }
}

function addLink(rel: string, href: string, id: string): void {
  document.getElementById(id)?.remove();
  const link = document.createElement('link');
  link.id = id;
  link.rel = rel;
  link.href = href;
  if (rel === 'stylesheet') link.nonce = pageNonce();
  document.head.append(link);
}

const COLOURS: Record<string, keyof Theme> = {
  '--primary': 'primaryColor',
  '--text': 'fontColor',
  '--button': 'buttonsColor',
  '--button-hover': 'buttonsHoverColor',
  '--button-text': 'buttonsTextColor',
  '--spinner': 'spinnerColor',
};

/**
 * Applies a configuration's theme: colours as CSS custom properties (set through the CSSOM, which the CSP
 * allows, unlike style attributes), the font, the favicon, and the custom stylesheet last so it wins.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement.style;
  for (const [property, field] of Object.entries(COLOURS)) {
    const value = theme[field];
    if (typeof value === 'string' && value && CSS.supports('color', value)) root.setProperty(property, value);
  }
  const fontCss = sameOrigin(theme.fontCssUrl);
  if (fontCss && theme.fontName) {
    addLink('stylesheet', fontCss, 'theme-font');
    root.setProperty('--font', `${JSON.stringify(theme.fontName)}, system-ui, sans-serif`);
  }
  const favicon = sameOrigin(theme.faviconUrl);
  if (favicon) addLink('icon', favicon, 'theme-favicon');
  const custom = sameOrigin(theme.customCssUrl);
  if (custom) addLink('stylesheet', custom, 'theme-custom');
}
