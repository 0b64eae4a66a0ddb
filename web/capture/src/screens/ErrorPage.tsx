import { useApp } from '../app/context';
import type { ErrorPageKind } from '../app/errors';
import { leaveTo } from '../app/navigate';
import { Layout } from '../components/Layout';
import type { MessageKey } from '../i18n/catalogue';

const TEXT: Record<ErrorPageKind, { title: MessageKey; body: MessageKey }> = {
  'link-invalid': { title: 'error.linkInvalid.title', body: 'error.linkInvalid.body' },
  'link-expired': { title: 'error.linkExpired.title', body: 'error.linkExpired.body' },
  'link-used': { title: 'error.linkUsed.title', body: 'error.linkUsed.body' },
  'process-finished': { title: 'error.processFinished.title', body: 'error.processFinished.body' },
  'no-session': { title: 'error.noSession.title', body: 'error.noSession.body' },
  network: { title: 'error.network.title', body: 'error.network.body' },
};

interface ErrorPageProps {
  kind: ErrorPageKind;
  /** Where the service wants people to go back to, when the server told. */
  redirectUrl?: string | null | undefined;
  onRetry?: (() => void) | undefined;
}

export function ErrorPage({ kind, redirectUrl, onRetry }: ErrorPageProps) {
  const { t } = useApp();
  const { title, body } = TEXT[kind];
  return (
    <Layout title={t(title)} stepKey={`error:${kind}`}>
      <p data-testid="error-message">{t(body)}</p>
      <div class="actions">
        {onRetry && (
          <button type="button" class="primary" onClick={onRetry}>
            {t('app.tryAgain')}
          </button>
        )}
        {redirectUrl && (
          <button type="button" class="secondary" onClick={() => leaveTo(redirectUrl)}>
            {t('app.returnToService')}
          </button>
        )}
      </div>
    </Layout>
  );
}
