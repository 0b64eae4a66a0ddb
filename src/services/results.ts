import { AppError, notFound } from '../core/errors.js';
import { resultStatuses } from '../core/process-status.js';
import { providerOf } from '../providers/registry.js';
import type { RawResultFile } from '../providers/types.js';
import type { ServiceDeps } from './context.js';
import { requireProcess } from './processes.js';
import type { ProcessRecord, ClientCaller } from '../core/domain.js';

export interface ResultFile {
  name: string;
  bytes: Buffer;
}

export interface ResultBundle {
  process: ProcessRecord;
  files: ResultFile[];
  /** When the bundle was put together (epoch ms), which the download is named after. */
  madeAt: number;
}

const extensionOf: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'video/mp4': 'mp4' };

/** Providers that record a video of the identification (Get video). */
const videoProviders = new Set(['signicatvideoid', 'eid', 'onfido']);

/** Results beyond Get process: the download bundle, the raw result and the recorded video. */
export class ResultService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Everything about a finished process, for the zip: its images and video, and its raw result under
   * the provider's own file names. Undefined while the process has no result (upstream answers 204).
   */
  async bundle(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    withTimestamps: boolean,
  ): Promise<ResultBundle | undefined> {
    const { store, blobs } = this.deps;
    const process = await requireProcess(store.repos, caller, dossierId, processId);
    if (!resultStatuses.has(process.status)) return undefined;
    const files: ResultFile[] = [];
    for (const image of await store.repos.images.list({ kind: 'process', id: process.id, clientId: caller.clientId })) {
      files.push({
        name: `${image.depiction}.${extensionOf[image.contentType] ?? 'bin'}`,
        bytes: await blobs.get(image.blobKey),
      });
    }
    for (const file of await this.rawFiles(process)) {
      files.push({ name: file.name, bytes: Buffer.from(JSON.stringify(file.content, null, 2)) });
    }
    if (process.engineOutputKey !== null) {
      files.push({ name: 'engine.json', bytes: await blobs.get(process.engineOutputKey) });
    }
    if (withTimestamps && process.provider === 'signicatvideoid') {
      const events = await store.repos.processEvents.listByProcess(process.id);
      const timestamps = events.map((e) => ({ status: e.status, at: new Date(e.createdAt).toISOString() }));
      files.push({ name: 'timestamps.json', bytes: Buffer.from(JSON.stringify(timestamps, null, 2)) });
    }
    return { process, files, madeAt: this.deps.clock.now() };
  }

  /** ReadID's raw session, once the process has a result; undefined before (upstream answers 204). */
  async raw(caller: ClientCaller, dossierId: string, processId: string): Promise<unknown> {
    const process = await requireProcess(this.deps.store.repos, caller, dossierId, processId);
    if (process.provider !== 'readid') {
      throw new AppError(
        'unsupported_for_provider',
        'The raw result is only available for readid processes; use the download instead.',
      );
    }
    if (!resultStatuses.has(process.status) || process.rawResultKey === null) return undefined;
    return JSON.parse((await this.deps.blobs.get(process.rawResultKey)).toString('utf8')) as unknown;
  }

  async video(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
  ): Promise<{ bytes: Buffer; contentType: string }> {
    const { store, blobs } = this.deps;
    const process = await requireProcess(store.repos, caller, dossierId, processId);
    const providesVideo =
      videoProviders.has(process.provider) &&
      (process.provider !== 'onfido' || process.processType === 'documentVideo');
    if (!providesVideo) {
      throw new AppError(
        'unsupported_for_provider',
        `${providerOf(process.provider).title} processes of this type do not record a video.`,
      );
    }
    const video = await store.repos.images.find(
      { kind: 'process', id: process.id, clientId: caller.clientId },
      'video',
    );
    if (!video) throw notFound('Video');
    return { bytes: await blobs.get(video.blobKey), contentType: video.contentType };
  }

  private async rawFiles(process: ProcessRecord): Promise<RawResultFile[]> {
    if (process.rawResultKey === null) return [];
    const raw = JSON.parse((await this.deps.blobs.get(process.rawResultKey)).toString('utf8')) as unknown;
    return providerOf(process.provider).rawResultFiles?.(raw) ?? [{ name: 'result.json', content: raw }];
  }
}
