import type { RefObject } from 'preact';
import { useApp } from '../../app/context';
import { useFrameGuidance } from '../../camera/use-frame-guidance';
import { Busy } from '../../components/Busy';
import { GUIDANCE_TEXT } from './problems';

interface CameraViewProps {
  videoRef: RefObject<HTMLVideoElement | null>;
  live: boolean;
  mirrored: boolean;
  /** Measure frames and guide the person (document sides only). */
  guided: boolean;
  detectGlare: boolean;
  autoCapture: boolean;
  onShot(): void;
}

export function CameraView({ videoRef, live, mirrored, guided, detectGlare, autoCapture, onShot }: CameraViewProps) {
  const { t } = useApp();
  const guidance = useFrameGuidance(videoRef, live && guided, { detectGlare, autoCapture }, onShot);
  return (
    <div class="camera">
      <div class={`viewfinder${mirrored ? ' mirrored' : ''}`}>
        <video ref={videoRef} playsInline muted autoPlay aria-label={t('capture.cameraLabel')} />
        {guided && <div class="frame-guide" aria-hidden="true" />}
      </div>
      {!live && <Busy label={t('capture.starting')} />}
      <p class="guidance" aria-live="polite" aria-atomic="true">
        {guidance ? t(GUIDANCE_TEXT[guidance]) : ''}
      </p>
      {guided && autoCapture && <p class="hint">{t('capture.autoHint')}</p>}
      <div class="actions">
        <button type="button" class="primary shutter" data-testid="shutter" disabled={!live} onClick={onShot}>
          {t('capture.shutter')}
        </button>
      </div>
    </div>
  );
}
