import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../core/time.js';
import type { BackendInput, BackendResult, ProducedMedia, VerificationBackend } from '../verification/backend.js';
import { resolveScenario } from './catalogue.js';
import { identityOf } from './identity.js';
import { sandboxImage } from './images.js';

const videoFile = fileURLToPath(new URL('../../assets/sandbox/identification.mp4', import.meta.url));

/**
 * The sandbox: a process plays its scenario, whose raw result goes through the provider's real mapping.
 * The scenario's media are drawn for it: document images showing the scenario's identity, a face, and
 * a short video for providers that record one.
 */
export class SandboxBackend implements VerificationBackend {
  private video: Buffer | undefined;
  private readonly images = new Map<string, Buffer>();

  constructor(
    private readonly delayMs: number,
    private readonly clock: Clock,
  ) {}

  async produce({ process, definition }: BackendInput): Promise<BackendResult> {
    // Simulated vendor latency (also what lets a test kill a worker in the middle of a job).
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const scenario = resolveScenario(definition, process.processType, process.sandboxScenario ?? undefined);
    const identity = identityOf(
      definition.mapResult(scenario.raw, { processType: process.processType, today: this.clock.today() }),
    );
    const media: ProducedMedia = {
      images: await Promise.all(
        (scenario.media?.depictions ?? []).map(async (depiction) => ({
          depiction,
          bytes: await this.image(`${scenario.id}:${process.processType}:${depiction}`, () =>
            sandboxImage(depiction, identity, scenario.id),
          ),
          contentType: 'image/jpeg' as const,
        })),
      ),
      ...(scenario.media?.video && { video: { bytes: await this.videoBytes(), contentType: 'video/mp4' as const } }),
    };
    return { raw: scenario.raw, media };
  }

  /** Drawing a document costs tens of milliseconds; the same scenario always draws the same image. */
  private async image(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    let image = this.images.get(key);
    if (!image) {
      image = await draw();
      if (this.images.size >= 500) this.images.delete(this.images.keys().next().value!);
      this.images.set(key, image);
    }
    return image;
  }

  private async videoBytes(): Promise<Buffer> {
    this.video ??= await readFile(videoFile);
    return this.video;
  }
}
