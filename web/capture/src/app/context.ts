import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CaptureApi } from '../api/client';
import type { Translate } from '../i18n/catalogue';
import type { Language } from '../i18n/languages';

/** What every screen may use: the API, the words of the chosen language, and the page's common controls. */
export interface AppServices {
  api: CaptureApi;
  t: Translate;
  language: Language;
  languages: Language[];
  setLanguage(language: Language): void;
  pageTitle: string;
  /** The device counts as a desktop: it is offered the handover, and the desktop capture switches apply. */
  desktop: boolean;
  accessibilityLink: boolean;
  showAccessibility(): void;
  /** Null where there is nothing to cancel (no session, or it is finished). */
  requestCancel: (() => void) | null;
  /** For errors a screen cannot recover from: a lost session, a finished process. */
  fail(error: unknown): void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp() is used outside the app.');
  return services;
}
