import type { ScreenItem } from '../api/types';
import { useApp } from '../app/context';
import { Items } from '../components/Items';
import { Layout } from '../components/Layout';
import type { StepProps } from './step-props';

export function Instructions({ session, progress, onDone }: StepProps) {
  const { t } = useApp();
  const configured = session.screens.documentInstructions.items;
  const items: ScreenItem[] = configured.length
    ? configured
    : [
        { title: t('instructions.light'), description: t('instructions.lightDetail') },
        { title: t('instructions.glare'), description: t('instructions.glareDetail') },
        { title: t('instructions.frame'), description: t('instructions.frameDetail') },
        { title: t('instructions.steady'), description: t('instructions.steadyDetail') },
      ];
  return (
    <Layout title={t('instructions.title')} stepKey="instructions" progress={progress}>
      <Items items={items} />
      <div class="actions">
        <button type="button" class="primary" data-testid="instructions-continue" onClick={() => onDone()}>
          {t('app.continue')}
        </button>
      </div>
    </Layout>
  );
}
