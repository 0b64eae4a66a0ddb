import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { SelfieVideoPrompt, Session, Step, UploadResult } from '../../api/types';
import { useApp } from '../../app/context';
import { errorPageFor } from '../../app/errors';
import { recordClip, recorderType } from '../../camera/record-clip';
import { useCamera } from '../../camera/use-camera';
import { Busy } from '../../components/Busy';
import { ErrorNote } from '../../components/ErrorNote';
import { Layout } from '../../components/Layout';
import type { MessageKey } from '../../i18n/catalogue';
import { prepareUpload } from '../../upload/prepare';
import { PhotoOutcome } from '../capture/PhotoOutcome';
import { Handover } from '../handover/Handover';
import type { StepProps } from '../step-props';

/** About five seconds, the prompt after one: long enough to follow it, short enough to upload on 4G. */
const CLIP_MS = 5000;
const PROMPT_AFTER_MS = 1000;

const PROMPT_TEXT: Record<SelfieVideoPrompt, MessageKey> = {
  turnLeft: 'video.prompt.turnLeft',
  turnRight: 'video.prompt.turnRight',
  lookUp: 'video.prompt.lookUp',
  smile: 'video.prompt.smile',
  blink: 'video.prompt.blink',
};

type Stage =
  | { kind: 'ready' }
  | { kind: 'recording'; prompted: boolean }
  | { kind: 'sending' }
  | { kind: 'outcome'; result: UploadResult; preview: string }
  | { kind: 'phone' };

interface VideoStepProps extends StepProps {
  onKept(step: Step, preview: string): void;
  /** The session changed while a phone carries on (see the handover page). */
  onFollowPhone(session: Session): void;
}

/**
 * The selfie video: the front camera with a face oval, a recording of about five seconds in which the
 * server's prompt appears after a second, and the last frame uploaded as the selfie (checked like one)
 * before the video itself. Without a camera that records, the person carries on on a phone instead.
 */
export function VideoStep({ session, progress, onDone, onKept, onFollowPhone }: VideoStepProps) {
  const { api, t, fail } = useApp();
  const mimeType = useMemo(recorderType, []);
  const [stage, setStage] = useState<Stage>({ kind: 'ready' });
  const [prompt, setPrompt] = useState<SelfieVideoPrompt | null>(session.selfieVideo?.prompt ?? null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const filming = stage.kind === 'ready' || stage.kind === 'recording';
  const camera = useCamera(mimeType !== null && filming, 'user', attempt);
  const unavailable =
    mimeType === null || camera.status === 'denied' || camera.status === 'absent' || camera.status === 'failed';

  // The server draws the prompt when this step is reached; a session from before that asks again.
  useEffect(() => {
    if (prompt === null) void api.session().then((fresh) => setPrompt(fresh.selfieVideo?.prompt ?? null), fail);
  }, []);

  const record = async () => {
    const video = camera.videoRef.current;
    const stream = video?.srcObject;
    if (!video || !(stream instanceof MediaStream) || mimeType === null || stage.kind !== 'ready') return;
    setError(null);
    setStage({ kind: 'recording', prompted: false });
    let clip;
    let still: Blob;
    try {
      clip = await recordClip(stream, video, mimeType, {
        durationMs: CLIP_MS,
        promptAfterMs: PROMPT_AFTER_MS,
        onPrompt: () => setStage({ kind: 'recording', prompted: true }),
      });
      setStage({ kind: 'sending' });
      still = await prepareUpload(clip.frame, { width: clip.frame.width, height: clip.frame.height });
    } catch {
      setError(t('video.recordFailed'));
      return setStage({ kind: 'ready' });
    }
    const preview = URL.createObjectURL(still);
    try {
      const result = await api.upload('selfie', still, 'camera');
      // A refused still (no face, too dark) is recorded again before any video is sent.
      if (!result.accepted) return setStage({ kind: 'outcome', result, preview });
      const changed = await api.uploadVideo(clip.video, clip.durationMs);
      setStage({ kind: 'outcome', result: { ...result, session: changed }, preview });
    } catch (caught) {
      URL.revokeObjectURL(preview);
      if (errorPageFor(caught)) return fail(caught);
      setError(caught instanceof ApiError && caught.status === 0 ? t('error.network.body') : t('video.uploadFailed'));
      setStage({ kind: 'ready' });
    }
  };

  const again = () => {
    if (stage.kind === 'outcome') URL.revokeObjectURL(stage.preview);
    setAttempt(attempt + 1);
    setStage({ kind: 'ready' });
  };

  if (stage.kind === 'phone') {
    return (
      <Handover session={session} progress={progress} onDone={onDone} onSession={onFollowPhone} onStayHere={again} />
    );
  }

  let body;
  if (stage.kind === 'sending') body = <Busy label={t('video.sending')} />;
  else if (stage.kind === 'outcome')
    body = (
      <PhotoOutcome
        result={stage.result}
        preview={stage.preview}
        zoomable={false}
        askOrientation={false}
        onRetake={again}
        onConfirm={() => {
          onKept('selfieVideo', stage.preview);
          onDone(stage.result.session);
        }}
      />
    );
  else if (unavailable)
    body = (
      <div class="notice" role="alert">
        <p>{session.device === 'primary' ? t('video.unavailable') : t('video.unavailableOnPhone')}</p>
        <div class="actions">
          {session.device === 'primary' && (
            <button
              type="button"
              class="primary"
              data-testid="video-handover"
              onClick={() => setStage({ kind: 'phone' })}
            >
              {t('video.usePhone')}
            </button>
          )}
          <button type="button" class="secondary" data-testid="video-retry" onClick={again}>
            {t('app.tryAgain')}
          </button>
        </div>
      </div>
    );
  else {
    const recording = stage.kind === 'recording';
    const shown = stage.kind === 'recording' && stage.prompted && prompt !== null;
    body = (
      <div class="camera">
        <div class="viewfinder mirrored">
          <video ref={camera.videoRef} playsInline muted autoPlay aria-label={t('capture.cameraLabel')} />
          <div class={`face-oval${recording ? ' recording' : ''}`} aria-hidden="true" />
        </div>
        {camera.status !== 'live' && <Busy label={t('capture.starting')} />}
        <p class="prompt" data-testid="video-prompt" aria-live="assertive" aria-atomic="true">
          {shown ? t(PROMPT_TEXT[prompt]) : recording ? t('video.recording') : ''}
        </p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-testid="video-record"
            disabled={camera.status !== 'live' || recording}
            onClick={() => void record()}
          >
            {recording ? t('video.recording') : t('video.record')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <Layout title={t('video.title')} stepKey="capture:selfieVideo" progress={progress}>
      {stage.kind !== 'outcome' && <p>{t('video.help')}</p>}
      {body}
      {error && stage.kind === 'ready' && <ErrorNote message={error} />}
    </Layout>
  );
}
