import type { Logger } from '../logging/logger.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import type { CaptureSettings } from '../capture/settings.js';
import { AppError, notFound } from '../core/errors.js';

export interface ThemeAsset {
  bytes: Buffer;
  contentType: string;
}

interface FontBundle {
  css: string;
  files: ThemeAsset[];
}

const fontTypes: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  otf: 'font/otf',
};
const maxFontFiles = 32;
const maxCssBytes = 256 * 1024;
const maxAssetBytes = 2 * 1024 * 1024;
const cacheSize = 64;
const timeoutMs = 10_000;

/**
 * The capture page's own look, served from this server's origin: the configuration's font CSS (and the
 * font files it names, rewritten to point here), its favicon and its custom CSS. Third-party files are
 * fetched once through the SSRF-safe client and kept in memory, so the end-user's browser never
 * contacts another origin and the page's CSP stays `'self'`.
 */
export class CaptureThemeService {
  private readonly fonts = new Map<string, Promise<FontBundle>>();
  private readonly icons = new Map<string, Promise<ThemeAsset>>();

  constructor(
    private readonly http: SafeFetch,
    private readonly logger: Logger,
  ) {}

  async fontCss(settings: CaptureSettings): Promise<string> {
    return (await this.fontBundle(settings)).css;
  }

  async fontFile(settings: CaptureSettings, index: number): Promise<ThemeAsset> {
    const file = (await this.fontBundle(settings)).files[index];
    if (!file) throw notFound('Font file');
    return file;
  }

  async favicon(settings: CaptureSettings): Promise<ThemeAsset> {
    const favicon = settings.favicon;
    if (favicon === null) throw notFound('Favicon');
    const data = /^data:(image\/[a-z.+-]+);base64,(.*)$/s.exec(favicon);
    if (data) return { contentType: data[1]!, bytes: Buffer.from(data[2]!, 'base64') };
    return cached(this.icons, favicon, () =>
      this.fetchAsset(favicon, /^image\/(png|jpeg|x-icon|vnd\.microsoft\.icon)$/),
    );
  }

  customCss(settings: CaptureSettings): string {
    if (settings.customCss === null) throw notFound('Custom CSS');
    return settings.customCss;
  }

  private fontBundle(settings: CaptureSettings): Promise<FontBundle> {
    const fontUrl = settings.fontUrl;
    if (fontUrl === null) throw notFound('Font');
    return cached(this.fonts, fontUrl, () => this.loadFonts(fontUrl));
  }

  /** The font CSS with every font file fetched and its url() pointing at this server. */
  private async loadFonts(cssUrl: string): Promise<FontBundle> {
    const css = (await this.fetchAsset(cssUrl, /^text\/css$/, maxCssBytes)).bytes.toString('utf8');
    const files: ThemeAsset[] = [];
    const sources = new Map<string, number>();
    const pending: Promise<void>[] = [];
    // Other style sheets are not followed: only the font faces of this one are served.
    const withoutImports = css.replace(/@import[^;]*;/g, '');
    const rewritten = withoutImports.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (_whole, _quote, target: string) => {
      let absolute: URL;
      try {
        absolute = new URL(target, cssUrl);
      } catch {
        return 'url("about:invalid")';
      }
      const extension = /\.([a-z0-9]+)$/i.exec(absolute.pathname)?.[1]?.toLowerCase() ?? '';
      const type = fontTypes[extension];
      if (!type || (!sources.has(absolute.href) && sources.size >= maxFontFiles)) return 'url("about:invalid")';
      let index = sources.get(absolute.href);
      if (index === undefined) {
        index = sources.size;
        sources.set(absolute.href, index);
        const at = index;
        pending.push(
          this.fetchAsset(absolute.href, /^(font\/|application\/(font|x-font|octet-stream|vnd\.ms-fontobject))/).then(
            (asset) => void (files[at] = { bytes: asset.bytes, contentType: type }),
          ),
        );
      }
      return `url("/assure/capture/api/theme/fonts/${index}")`;
    });
    await Promise.all(pending);
    return { css: rewritten, files };
  }

  private async fetchAsset(url: string, contentType: RegExp, maxBytes = maxAssetBytes): Promise<ThemeAsset> {
    try {
      const response = await this.http.fetch({ url, timeoutMs });
      const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      if (response.truncated || response.bytes.length > maxBytes) throw new Error('too large');
      if (!contentType.test(type)) throw new Error(`content type ${type || 'missing'}`);
      return { bytes: response.bytes, contentType: type };
    } catch (error) {
      this.logger.warn({ err: error, host: hostOf(url) }, 'could not fetch a capture theme asset');
      throw new AppError('unavailable', 'A file of the page theme could not be fetched.');
    }
  }
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid';
  }
};

/** One fetch per key, shared by concurrent callers; failures are not kept, so the next request tries again. */
function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) return hit;
  if (map.size >= cacheSize) map.delete(map.keys().next().value as string);
  const loading = load();
  map.set(key, loading);
  loading.catch(() => map.delete(key));
  return loading;
}
