import type { Step } from '../api/types';
import { ApiError } from '../api/client';
import { useApp } from '../app/context';
import { Busy } from '../components/Busy';
import { ErrorNote } from '../components/ErrorNote';
import { Layout } from '../components/Layout';
import type { MessageKey } from '../i18n/catalogue';
import type { StepProps } from './step-props';
import { useRequest } from './use-request';

const LABELS: Record<Step, MessageKey> = {
  front: 'capture.front.title',
  back: 'capture.back.title',
  selfie: 'capture.selfie.title',
  selfieVideo: 'video.title',
};

interface ReviewProps extends StepProps {
  previews: Partial<Record<Step, string>>;
  onRetake(depiction: Step): void;
  onFinished(redirectUrl: string): void;
}

/** Every kept photo once more, each with a retake, and the button that sends them. */
export function Review({ session, progress, previews, onRetake, onFinished, onDone }: ReviewProps) {
  const { api, t } = useApp();
  const request = useRequest();

  const finish = () =>
    request.run(async () => {
      try {
        const { redirectUrl } = await api.finish();
        onFinished(redirectUrl);
      } catch (caught) {
        if (!(caught instanceof ApiError && caught.type === 'capture:incomplete')) throw caught;
        // A photo went missing (kept on another device, or refused there): go and take it.
        onDone(await api.session());
      }
    });

  return (
    <Layout title={t('review.title')} stepKey="review" progress={progress}>
      {session.steps.length > 0 && <p>{t('review.intro')}</p>}
      <ul class="review">
        {session.steps.map((depiction) => (
          <li key={depiction}>
            <h2>{t(LABELS[depiction])}</h2>
            {previews[depiction] ? (
              <img src={previews[depiction]} alt={t(LABELS[depiction])} />
            ) : (
              <p>{session.images[depiction]?.kept ? t('review.noPreview') : t('review.missing')}</p>
            )}
            <button
              type="button"
              class="secondary"
              data-testid={`review-retake-${depiction}`}
              onClick={() => onRetake(depiction)}
            >
              {t('capture.retake')}
            </button>
          </li>
        ))}
      </ul>
      {request.busy ? (
        <Busy label={t('review.sending')} />
      ) : (
        <div class="actions">
          <button type="button" class="primary" data-testid="finish" onClick={() => void finish()}>
            {t('review.finish')}
          </button>
        </div>
      )}
      {request.error && <ErrorNote message={request.error} />}
    </Layout>
  );
}
