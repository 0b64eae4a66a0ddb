import { useState } from 'preact/hooks';
import type { UploadResult } from '../../api/types';
import { useApp } from '../../app/context';
import { ErrorNote } from '../../components/ErrorNote';
import { PROBLEM_TEXT } from './problems';

interface PhotoOutcomeProps {
  result: UploadResult;
  preview: string;
  zoomable: boolean;
  askOrientation: boolean;
  onConfirm(): void;
  onRetake(): void;
}

/** What the server said about the photo: its problems in words and a retake, or a preview to confirm. */
export function PhotoOutcome({ result, preview, zoomable, askOrientation, onConfirm, onRetake }: PhotoOutcomeProps) {
  const { t } = useApp();
  const [zoomed, setZoomed] = useState(false);
  const problems = result.problems.map(({ code }) => PROBLEM_TEXT[code]).filter((text) => text !== undefined);

  const retake = (
    <button type="button" class={result.accepted ? 'secondary' : 'primary'} data-testid="retake" onClick={onRetake}>
      {t('capture.retake')}
    </button>
  );

  if (!result.accepted) {
    return (
      <div class="outcome">
        <h2>{t('capture.rejected')}</h2>
        {problems.map((problem) => (
          <ErrorNote key={problem.what} message={t(problem.what)} hint={t(problem.hint)} />
        ))}
        {problems.length === 0 && <ErrorNote message={t('error.unexpected.body')} />}
        <p>{t('capture.attemptsLeft', { count: result.attemptsLeft })}</p>
        <div class="actions">{retake}</div>
      </div>
    );
  }

  return (
    <div class="outcome">
      <div class={`preview${zoomed ? ' zoomed' : ''}`}>
        <img src={preview} alt={t('capture.previewAlt')} />
      </div>
      {zoomable && (
        <button type="button" class="secondary" aria-pressed={zoomed} onClick={() => setZoomed(!zoomed)}>
          {zoomed ? t('capture.zoomOut') : t('capture.zoomIn')}
        </button>
      )}
      <p role="status">{problems.length ? t('capture.acceptedWithProblems') : t('capture.accepted')}</p>
      {problems.map((problem) => (
        <p key={problem.what} class="hint">
          {t(problem.what)} {t(problem.hint)}
        </p>
      ))}
      {askOrientation && <p>{t('capture.orientationQuestion')}</p>}
      <div class="actions">
        <button type="button" class="primary" data-testid="confirm" onClick={onConfirm}>
          {t('capture.confirm')}
        </button>
        {retake}
      </div>
    </div>
  );
}
