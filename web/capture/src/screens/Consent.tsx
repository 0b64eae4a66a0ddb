import { useApp } from '../app/context';
import { Layout } from '../components/Layout';
import type { StepProps } from './step-props';

export function Consent({ session, progress, onDone }: StepProps) {
  const { t } = useApp();
  return (
    <Layout title={t('consent.title')} stepKey="consent" progress={progress}>
      <p>{t('consent.body', { provider: session.providerTitle })}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="consent-accept" onClick={() => onDone()}>
          {t('consent.accept')}
        </button>
      </div>
    </Layout>
  );
}
