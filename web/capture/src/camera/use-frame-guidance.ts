import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Gray } from '../quality/gray';
import { AutoCaptureTrigger, guide, measureFrame, type Guidance } from '../quality/guidance';

/** Frames are measured this wide: enough for focus and glare, cheap enough for a low-end phone. */
const SAMPLE_WIDTH = 320;
const SAMPLE_EVERY_MS = 200;
/** Five good, steady frames in a row: about a second of holding still. */
const GOOD_FRAMES_TO_FIRE = 5;

interface GuidanceOptions {
  detectGlare: boolean;
  autoCapture: boolean;
}

/**
 * Watches the live video while `enabled`: measures a small copy of each sampled frame, returns what to tell
 * the person, and calls `onAutoCapture` once the document has been good and steady for long enough.
 */
export function useFrameGuidance(
  videoRef: RefObject<HTMLVideoElement | null>,
  enabled: boolean,
  options: GuidanceOptions,
  onAutoCapture: () => void,
): Guidance | null {
  const [guidance, setGuidance] = useState<Guidance | null>(null);
  const fire = useRef(onAutoCapture);
  fire.current = onAutoCapture;

  useEffect(() => {
    if (!enabled) {
      setGuidance(null);
      return;
    }
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const trigger = new AutoCaptureTrigger(GOOD_FRAMES_TO_FIRE);
    let previous: Gray | null = null;

    const sample = () => {
      const video = videoRef.current;
      if (!context || !video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return;
      canvas.width = SAMPLE_WIDTH;
      canvas.height = Math.max(2, Math.round((video.videoHeight / video.videoWidth) * SAMPLE_WIDTH));
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { gray, measures } = measureFrame(context.getImageData(0, 0, canvas.width, canvas.height), previous);
      previous = gray;
      const next = guide(measures, { detectGlare: options.detectGlare });
      setGuidance(next);
      if (options.autoCapture && trigger.observe(next)) fire.current();
    };

    const timer = setInterval(sample, SAMPLE_EVERY_MS);
    return () => clearInterval(timer);
  }, [enabled, options.detectGlare, options.autoCapture]);

  return guidance;
}
