import { fileURLToPath } from 'node:url';
import type { EnvReader } from './env-reader.js';

export interface CaptureConfig {
  /** How long a link from Start capture flow (and a handover link, by default) can be opened. */
  linkMinutes: number;
  /** How long an end-user's browser session lasts once the link was opened. */
  sessionMinutes: number;
  /** The capture app's built files (`web/capture/dist`). */
  appDir: string;
  /** The largest selfie video the capture API takes (OPENASSURE_CAPTURE_VIDEO_MAX_MB). */
  videoMaxBytes: number;
}

const builtApp = fileURLToPath(new URL('../../web/capture/dist', import.meta.url));

export function readCapture(read: EnvReader): CaptureConfig {
  const linkMinutes = read.integer('OPENASSURE_CAPTURE_LINK_MINUTES', 30, 1, 7 * 24 * 60);
  return {
    linkMinutes,
    // Long enough to finish a capture begun at the last minute of the link's life.
    sessionMinutes: read.integer('OPENASSURE_CAPTURE_SESSION_MINUTES', 60, 5, 24 * 60),
    appDir: read.string('OPENASSURE_CAPTURE_APP_DIR') ?? builtApp,
    // 4 to 6 seconds of 720p VP8 from MediaRecorder is 1 to 4 MB: 20 MB leaves room for a sharper camera.
    videoMaxBytes: read.integer('OPENASSURE_CAPTURE_VIDEO_MAX_MB', 20, 1, 200) * 1024 * 1024,
  };
}
