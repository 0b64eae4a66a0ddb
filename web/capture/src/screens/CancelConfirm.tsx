import { useApp } from '../app/context';
import { Busy } from '../components/Busy';
import { ErrorNote } from '../components/ErrorNote';
import { Layout } from '../components/Layout';
import { useRequest } from './use-request';

/** Asked before cancelling: cancelling ends the process for good. */
export function CancelConfirm({ onKeep, onCanceled }: { onKeep(): void; onCanceled(redirectUrl: string): void }) {
  const { api, t } = useApp();
  const request = useRequest();
  return (
    <Layout title={t('cancel.title')} stepKey="cancel">
      <p>{t('cancel.body')}</p>
      {request.busy ? (
        <Busy label={t('app.working')} />
      ) : (
        <div class="actions">
          <button type="button" class="primary" data-testid="cancel-keep" onClick={onKeep}>
            {t('cancel.keep')}
          </button>
          <button
            type="button"
            class="secondary danger"
            data-testid="cancel-confirm"
            onClick={() => void request.run(async () => onCanceled((await api.cancel()).redirectUrl))}
          >
            {t('cancel.confirm')}
          </button>
        </div>
      )}
      {request.error && <ErrorNote message={request.error} />}
    </Layout>
  );
}
