import { useApp } from '../app/context';
import { Layout } from '../components/Layout';

/** The accessibility statement (`showAccessibilityLink`), shown in place until the person goes back. */
export function Accessibility({ onClose }: { onClose(): void }) {
  const { t } = useApp();
  return (
    <Layout title={t('accessibility.title')} stepKey="accessibility">
      <p>{t('accessibility.standard')}</p>
      <p>{t('accessibility.alternatives')}</p>
      <p>{t('accessibility.contact')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onClose}>
          {t('app.back')}
        </button>
      </div>
    </Layout>
  );
}
