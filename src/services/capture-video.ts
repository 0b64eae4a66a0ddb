import { deleteBlobsQuietly } from '../blobs/blob-store.js';
import type { SessionView } from '../capture/session-view.js';
import { sniffVideoContainer, type VideoContentType } from '../capture/video-container.js';
import { AppError } from '../core/errors.js';
import type { ServiceDeps } from './context.js';
import type { SessionGrant } from './capture-sessions.js';
import { owner, type CaptureStepService } from './capture-steps.js';

const notExpected = (detail: string) => new AppError('capture_not_expected', detail);

/**
 * The selfie video of a live video identification: the recording the end-user made while following
 * the prompt, kept as the process's `video` (served by Get video) with what the reviewer needs to
 * know about it beside the flow. Its still frame comes through the image step as a `selfie`.
 */
export class CaptureVideoService {
  constructor(
    private readonly deps: ServiceDeps & { videoMaxBytes: number },
    private readonly steps: CaptureStepService,
  ) {}

  get maxBytes(): number {
    return this.deps.videoMaxBytes;
  }

  async upload(
    grant: SessionGrant,
    bytes: Buffer,
    declared: VideoContentType,
    durationMs: number | undefined,
  ): Promise<{ session: SessionView }> {
    const loaded = await this.steps.load(grant.caller);
    const { flow, process } = loaded;
    this.steps.requireUnderWay(loaded);
    if (!this.steps.stepsOf(loaded).includes('selfieVideo')) {
      throw notExpected('This flow does not take a video.');
    }
    // The prompt is drawn when the step is reached; a video before that cannot have answered it.
    const state = flow.selfieVideo;
    if (!state) throw notExpected('The video step has not been reached yet.');
    if (bytes.length > this.deps.videoMaxBytes) {
      throw new AppError('payload_too_large', `The video is larger than ${this.deps.videoMaxBytes / 1024 / 1024} MB.`);
    }
    const actual = sniffVideoContainer(bytes);
    if (actual !== declared) {
      throw new AppError(
        'capture_invalid_video',
        actual === undefined
          ? `The content is not a ${declared === 'video/webm' ? 'WebM' : 'MP4'} video.`
          : `The content is ${actual}, not the ${declared} it was sent as.`,
      );
    }
    const now = this.deps.clock.now();
    const { blobs, logger, store } = this.deps;
    const blobKey = await blobs.put(bytes, { dossierId: process.dossierId });
    let replaced: string[];
    try {
      replaced = await store.transaction(async (tx) => {
        if (!(await tx.processes.touchIfPending(process.id, now))) {
          throw notExpected('The verification has started; its video can no longer change.');
        }
        await tx.captureFlows.setSelfieVideo(
          flow.processId,
          {
            ...state,
            video: { contentType: actual, size: bytes.length, durationMs: durationMs ?? null, recordedAt: now },
          },
          now,
        );
        return tx.images.put(owner(process), [
          { depiction: 'video', blobKey, contentType: actual, size: bytes.length, createdAt: now },
        ]);
      });
    } catch (error) {
      await deleteBlobsQuietly(blobs, [blobKey], (key, cleanupError) =>
        logger.error({ err: cleanupError, blobKey: key }, 'could not clean up the blob of a failed video upload'),
      );
      throw error;
    }
    // Re-recording replaces the video: the last one's bytes go.
    await deleteBlobsQuietly(blobs, replaced, (key, error) =>
      logger.error({ err: error, blobKey: key }, 'could not delete a replaced video blob'),
    );
    return { session: await this.steps.view(grant) };
  }
}
