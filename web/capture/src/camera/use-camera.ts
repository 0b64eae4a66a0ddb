import { useEffect, useRef, useState } from 'preact/hooks';

export type CameraStatus = 'off' | 'starting' | 'live' | 'denied' | 'absent' | 'failed';
export type Facing = 'environment' | 'user';

function statusForError(error: unknown): CameraStatus {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'absent';
  return 'failed';
}

/**
 * The camera for one step while `active`: asked for with `ideal` constraints only (a device without a back
 * camera or without 1080p still gives a picture), stopped when the step ends or the page goes to the
 * background, and asked for again when it comes back (mobile browsers freeze or drop the track otherwise).
 * `attempt` asks again after the person changed a permission.
 */
export function useCamera(active: boolean, facing: Facing, attempt: number) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<CameraStatus>('off');

  useEffect(() => {
    if (!active) {
      setStatus('off');
      return;
    }
    let stream: MediaStream | null = null;
    let closed = false;
    let starting = false;

    const stop = () => {
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
      if (videoRef.current) videoRef.current.srcObject = null;
    };

    const start = async () => {
      if (starting || stream) return;
      if (!navigator.mediaDevices?.getUserMedia) return setStatus('absent');
      starting = true;
      setStatus('starting');
      try {
        const acquired = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } },
        });
        if (closed || document.hidden) {
          acquired.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = acquired;
        const video = videoRef.current;
        if (video) {
          video.srcObject = acquired;
          await video.play().catch(() => undefined);
        }
        setStatus('live');
      } catch (error) {
        if (!closed) setStatus(statusForError(error));
      } finally {
        starting = false;
      }
    };

    const onVisibility = () => {
      if (document.hidden) {
        stop();
        setStatus('starting');
      } else void start();
    };

    document.addEventListener('visibilitychange', onVisibility);
    void start();
    return () => {
      closed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [active, facing, attempt]);

  return { videoRef, status };
}
