import { useEffect, useMemo, useState } from 'preact/hooks';
import { CaptureApi } from '../api/client';
import type { Session, Step } from '../api/types';
import { deviceHints, isMobileDevice } from '../flow/device';
import { nextPage, pageAfter, pageId, planPages, startPage, type FlowContext, type Page } from '../flow/pages';
import { normaliseLanguage, preferredLanguage, type Language } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';
import { Accessibility } from '../screens/Accessibility';
import { CancelConfirm } from '../screens/CancelConfirm';
import { Done } from '../screens/Done';
import { ErrorPage } from '../screens/ErrorPage';
import { Sandbox } from '../screens/Sandbox';
import { applyTheme } from '../theme/apply-theme';
import { forgetArtifact, readArtifact } from './artifact';
import { AppContext, type AppServices } from './context';
import { errorPageFor, type ErrorPageKind } from './errors';
import { reloadIfFramed } from './framing';
import { leaveTo } from './navigate';
import { FlowPage } from './FlowPage';
import { Busy } from '../components/Busy';
import { Layout } from '../components/Layout';

type View =
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorPageKind; redirectUrl?: string | null; retry?: boolean }
  | { kind: 'flow'; page: Page }
  | { kind: 'sandbox' }
  | { kind: 'done'; redirectUrl: string | null; fromPhone: boolean }
  | { kind: 'leaving' };

const api = new CaptureApi();
const NO_TRANSLATIONS = {};

function languagesOf(session: Session | null): Language[] {
  const codes = (session?.languages ?? []).map(normaliseLanguage).filter((code) => code !== null);
  return [...new Set(codes)];
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [overlay, setOverlay] = useState<'none' | 'accessibility' | 'cancel'>('none');
  const [handoverDeclined, setHandoverDeclined] = useState(false);
  const [previews, setPreviews] = useState<Partial<Record<Step, string>>>({});
  const desktop = useMemo(() => !isMobileDevice(deviceHints()), []);
  const { language, t, setLanguage } = useLanguage(
    preferredLanguage(navigator.languages ?? [navigator.language]),
    session?.translations ?? NO_TRANSLATIONS,
  );
  const context: FlowContext = { desktop, handoverDeclined };

  const showDone = (redirectUrl: string | null, fromPhone: boolean) =>
    setView({ kind: 'done', redirectUrl, fromPhone });

  const begin = (started: Session) => {
    setSession(started);
    applyTheme(started.theme);
    const configured = normaliseLanguage(started.language);
    if (configured) setLanguage(configured);
    if (started.device === 'primary' && started.handover.status === 'finished')
      return showDone(started.redirectUrl, true);
    if (started.status !== 'pending')
      return setView({ kind: 'error', error: 'process-finished', redirectUrl: started.redirectUrl });
    if (started.flow === 'sandbox-provider') return setView({ kind: 'sandbox' });
    setView({ kind: 'flow', page: startPage(started, planPages(started, context)) });
  };

  const boot = async () => {
    setView({ kind: 'loading' });
    const artifact = readArtifact(location.hash);
    try {
      const started = artifact ? await api.exchange(artifact) : await api.session();
      if (artifact) {
        forgetArtifact();
        if (reloadIfFramed()) return;
      }
      begin(started);
    } catch (error) {
      const kind = errorPageFor(error);
      // A definite answer about the link ends its use; after a network failure it is kept for the retry.
      if (artifact && kind) forgetArtifact();
      setView({ kind: 'error', error: kind ?? 'network', retry: kind === null });
    }
  };

  useEffect(() => {
    void boot();
    // Another link opened in this tab changes only the fragment, which reloads nothing: exchange it too.
    const onHashChange = () => {
      if (!readArtifact(location.hash)) return;
      // Nothing of the flow shown so far belongs to the new one.
      setOverlay('none');
      setHandoverDeclined(false);
      setPreviews((all) => {
        Object.values(all).forEach((url) => URL.revokeObjectURL(url));
        return {};
      });
      void boot();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const fail = (error: unknown) => setView({ kind: 'error', error: errorPageFor(error) ?? 'network' });

  const leave = (redirectUrl: string) => {
    setView({ kind: 'leaving' });
    if (!leaveTo(redirectUrl)) setView({ kind: 'error', error: 'process-finished' });
  };

  const advance = (from: Page, changed?: Session) => {
    const current = changed ?? session;
    if (!current) return;
    if (changed) setSession(changed);
    const pages = planPages(current, context);
    setView({ kind: 'flow', page: nextPage(current, pages, from) });
  };

  const followPhone = (changed: Session) => {
    setSession(changed);
    if (changed.handover.status === 'finished') return showDone(changed.redirectUrl, true);
    if (changed.status !== 'pending')
      setView({ kind: 'error', error: 'process-finished', redirectUrl: changed.redirectUrl });
  };

  const stayHere = () => {
    if (!session) return;
    setHandoverDeclined(true);
    const pages = planPages(session, { ...context, handoverDeclined: true });
    setView({ kind: 'flow', page: pageAfter(pages, { kind: 'handover' }) });
  };

  const keepPreview = (depiction: Step, url: string) =>
    setPreviews((all) => {
      const old = all[depiction];
      if (old && old !== url) URL.revokeObjectURL(old);
      return { ...all, [depiction]: url };
    });

  const cancellable =
    session?.status === 'pending' && overlay === 'none' && (view.kind === 'flow' || view.kind === 'sandbox');

  const services: AppServices = {
    api,
    t,
    language,
    languages: languagesOf(session),
    setLanguage,
    pageTitle: session?.theme.pageTitle || t('app.pageTitle'),
    desktop,
    accessibilityLink: session?.screens.accessibilityLink === true && overlay === 'none',
    showAccessibility: () => setOverlay('accessibility'),
    requestCancel: cancellable ? () => setOverlay('cancel') : null,
    fail,
  };

  let content;
  if (overlay === 'accessibility') content = <Accessibility onClose={() => setOverlay('none')} />;
  else if (overlay === 'cancel')
    content = <CancelConfirm onKeep={() => setOverlay('none')} onCanceled={(url) => leave(url)} />;
  else if (view.kind === 'loading' || view.kind === 'leaving' || (view.kind !== 'error' && !session))
    content = (
      <Layout title={view.kind === 'leaving' ? t('done.redirecting') : t('app.loading')} stepKey={view.kind}>
        <Busy label={t('app.working')} />
      </Layout>
    );
  else if (view.kind === 'error')
    content = (
      <ErrorPage
        kind={view.error}
        redirectUrl={view.redirectUrl}
        onRetry={view.retry ? () => void boot() : undefined}
      />
    );
  else if (view.kind === 'done')
    content = (
      <Done
        redirectUrl={view.redirectUrl}
        confirmFirst={session?.screens.modalBeforeRedirect ?? false}
        fromPhone={view.fromPhone}
      />
    );
  else if (session && view.kind === 'sandbox') content = <Sandbox session={session} onFinished={leave} />;
  else if (session && view.kind === 'flow') {
    const pages = planPages(session, context);
    const index = pages.findIndex((page) => pageId(page) === pageId(view.page));
    content = (
      <FlowPage
        key={pageId(view.page)}
        page={view.page}
        session={session}
        progress={{ current: index + 1, total: pages.length }}
        previews={previews}
        onDone={(changed) => advance(view.page, changed)}
        onKept={keepPreview}
        onRetake={(depiction) => setView({ kind: 'flow', page: { kind: 'capture', depiction } })}
        onFinished={(redirectUrl) => showDone(redirectUrl, false)}
        onFollowPhone={followPhone}
        onStayHere={stayHere}
      />
    );
  }

  return <AppContext.Provider value={services}>{content}</AppContext.Provider>;
}
