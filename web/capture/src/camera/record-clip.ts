/**
 * What MediaRecorder writes, best first. MP4 first: upstream's Get video serves video/mp4, and Safari and
 * Chromium (since 126) record it; WebM (VP8) where the browser records nothing else (Firefox).
 */
const RECORDER_TYPES = [
  'video/mp4;codecs=avc1',
  'video/mp4',
  'video/webm;codecs=vp8',
  'video/webm;codecs=vp9',
  'video/webm',
];

/** The recording format this browser offers, or null when it cannot record (no MediaRecorder). */
export function recorderType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return RECORDER_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export interface Clip {
  /** The recording, typed as its container (`video/webm` or `video/mp4`, codecs aside). */
  video: Blob;
  /** The last frame, as the canvas copies it (the still uploaded as the selfie). */
  frame: HTMLCanvasElement;
  durationMs: number;
}

export interface ClipTiming {
  durationMs: number;
  /** When the prompt appears: after the person has settled in the oval. */
  promptAfterMs: number;
  onPrompt(): void;
}

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/** Copies the video's current frame at once: the stream stops right after the recording. */
function copyFrame(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the frame.');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** Records the camera's stream for `durationMs`, shows the prompt on time, and keeps the last frame. */
export async function recordClip(
  stream: MediaStream,
  video: HTMLVideoElement,
  mimeType: string,
  timing: ClipTiming,
): Promise<Clip> {
  // Video only: the stream has no audio track, and the reviewer needs none.
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 2_500_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  const stopped = new Promise<void>((resolve, reject) => {
    recorder.onstop = () => resolve();
    recorder.onerror = () => reject(new Error('The recording failed.'));
  });
  const started = performance.now();
  recorder.start(1000);
  await wait(timing.promptAfterMs);
  timing.onPrompt();
  await wait(timing.durationMs - timing.promptAfterMs);
  const frame = copyFrame(video);
  recorder.stop();
  await stopped;
  const container = (recorder.mimeType || mimeType).split(';')[0] ?? 'video/webm';
  return { video: new Blob(chunks, { type: container }), frame, durationMs: performance.now() - started };
}
