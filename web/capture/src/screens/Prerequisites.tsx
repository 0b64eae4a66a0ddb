import type { ScreenItem } from '../api/types';
import { useApp } from '../app/context';
import { Items } from '../components/Items';
import { Layout } from '../components/Layout';
import type { StepProps } from './step-props';

export function Prerequisites({ session, progress, onDone }: StepProps) {
  const { t } = useApp();
  const configured = session.screens.prerequisites.items;
  const items: ScreenItem[] = configured.length
    ? configured
    : [
        { title: t('prerequisites.document'), description: t('prerequisites.documentDetail') },
        { title: t('prerequisites.light'), description: t('prerequisites.lightDetail') },
        { title: t('prerequisites.camera'), description: t('prerequisites.cameraDetail') },
      ];
  return (
    <Layout title={t('prerequisites.title')} stepKey="prerequisites" progress={progress}>
      <p>{t('prerequisites.intro')}</p>
      <Items items={items} />
      <div class="actions">
        <button type="button" class="primary" data-testid="capture-start" onClick={() => onDone()}>
          {t('prerequisites.start')}
        </button>
      </div>
    </Layout>
  );
}
