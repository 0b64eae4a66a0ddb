import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { Depiction, UploadResult } from '../../api/types';
import { useApp } from '../../app/context';
import { errorPageFor } from '../../app/errors';
import { useCamera } from '../../camera/use-camera';
import { Busy } from '../../components/Busy';
import { ErrorNote } from '../../components/ErrorNote';
import { Layout } from '../../components/Layout';
import type { MessageKey } from '../../i18n/catalogue';
import { prepareUpload } from '../../upload/prepare';
import type { StepProps } from '../step-props';
import { CameraView } from './CameraView';
import { PhotoInput } from './PhotoInput';
import { PhotoOutcome } from './PhotoOutcome';

type Source = 'takePhoto' | 'uploadPhoto';
type Stage =
  | { kind: 'choose' }
  | { kind: 'checking' }
  | { kind: 'outcome'; result: UploadResult; preview: string; source: Source };

const TITLES: Record<Depiction, { title: MessageKey; help: MessageKey }> = {
  front: { title: 'capture.front.title', help: 'capture.front.help' },
  back: { title: 'capture.back.title', help: 'capture.back.help' },
  selfie: { title: 'capture.selfie.title', help: 'capture.selfie.help' },
};

interface CaptureStepProps extends StepProps {
  depiction: Depiction;
  /** The photo was kept: its preview stays for the review page. */
  onKept(depiction: Depiction, preview: string): void;
}

export function CaptureStep({ session, progress, depiction, onDone, onKept }: CaptureStepProps) {
  const { api, t, fail, desktop } = useApp();
  const { capture } = session;
  const device = desktop ? 'desktop' : 'mobile';
  const mayTakePhoto = capture.allowTakePhoto[device];
  const mayUpload = capture.allowFileUpload[device];
  const nativeCamera = capture.useNativeCamera && mayTakePhoto;
  const liveCamera = mayTakePhoto && !capture.useNativeCamera;
  const facing = depiction === 'selfie' ? 'user' : 'environment';

  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const camera = useCamera(liveCamera && stage.kind === 'choose', facing, attempt);
  const cameraBroken = camera.status === 'denied' || camera.status === 'absent' || camera.status === 'failed';

  const send = async (prepare: () => Promise<Blob>, source: Source, unreadable: MessageKey) => {
    setStage({ kind: 'checking' });
    setError(null);
    let image: Blob;
    try {
      image = await prepare();
    } catch {
      setError(t(unreadable));
      return setStage({ kind: 'choose' });
    }
    try {
      const result = await api.upload(depiction, image, source === 'takePhoto' ? 'camera' : 'upload');
      setStage({ kind: 'outcome', result, preview: URL.createObjectURL(image), source });
    } catch (caught) {
      if (errorPageFor(caught)) return fail(caught);
      setError(caught instanceof ApiError && caught.status === 0 ? t('error.network.body') : t('capture.uploadFailed'));
      setStage({ kind: 'choose' });
    }
  };

  const shoot = () => {
    const video = camera.videoRef.current;
    if (!video || stage.kind !== 'choose') return;
    const size = { width: video.videoWidth, height: video.videoHeight };
    // The frame is drawn before the camera stops (the stage change below ends the stream).
    const frame = prepareUpload(video, size);
    void send(() => frame, 'takePhoto', 'capture.uploadFailed');
  };

  const retake = () => {
    if (stage.kind === 'outcome') URL.revokeObjectURL(stage.preview);
    setStage({ kind: 'choose' });
  };

  const { title, help } = TITLES[depiction];
  let body;
  if (stage.kind === 'checking') body = <Busy label={t('capture.checking')} />;
  else if (stage.kind === 'outcome')
    body = (
      <PhotoOutcome
        result={stage.result}
        preview={stage.preview}
        zoomable={capture.allowZoomOnPreview[stage.source]}
        askOrientation={capture.orientationConfirmation}
        onRetake={retake}
        onConfirm={() => {
          onKept(depiction, stage.preview);
          onDone(stage.result.session);
        }}
      />
    );
  else
    body = (
      <>
        <p>{t(help)}</p>
        {liveCamera && !cameraBroken && (
          <CameraView
            videoRef={camera.videoRef}
            live={camera.status === 'live'}
            mirrored={facing === 'user'}
            guided={depiction !== 'selfie'}
            detectGlare={capture.detectGlare.takePhoto}
            autoCapture={capture.autoCapture && depiction !== 'selfie'}
            onShot={shoot}
          />
        )}
        {liveCamera && cameraBroken && (
          <div class="notice" role="alert">
            <p>
              {camera.status === 'absent'
                ? t('capture.noCamera')
                : mayUpload
                  ? t('capture.cameraDenied')
                  : t('capture.cameraDeniedNoUpload')}
            </p>
            {!mayUpload && (
              <button type="button" class="secondary" onClick={() => setAttempt(attempt + 1)}>
                {t('app.tryAgain')}
              </button>
            )}
          </div>
        )}
        {(mayUpload || nativeCamera) && (
          <div class="actions">
            <PhotoInput
              nativeCamera={nativeCamera}
              facing={facing}
              primary={!liveCamera || cameraBroken}
              onFile={(file) =>
                void send(
                  () => prepareUpload(file),
                  nativeCamera ? 'takePhoto' : 'uploadPhoto',
                  'capture.fileUnreadable',
                )
              }
            />
          </div>
        )}
        {!mayTakePhoto && !mayUpload && <p class="notice">{t('capture.nothingAllowed')}</p>}
      </>
    );

  return (
    <Layout title={t(title)} stepKey={`capture:${depiction}`} progress={progress}>
      {body}
      {error && stage.kind === 'choose' && <ErrorNote message={error} />}
    </Layout>
  );
}
