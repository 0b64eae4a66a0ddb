import type { Readable } from 'node:stream';
import { AppError, notFound } from '../core/errors.js';
import { resultStatuses } from '../core/process-status.js';
import { providerOf, providers } from '../providers/registry.js';
import type { ProviderDefinition, RawResultFile } from '../providers/types.js';
import type { ServiceDeps } from './context.js';
import type { StreamedContent } from './dossier-files.js';
import { requireProcess } from './processes.js';
import type { ProcessRecord, ClientCaller } from '../core/domain.js';

/** A file of the download: small ones at hand, images and video opened from the blob store when sent. */
export type ResultFile =
  { name: string; bytes: Buffer } | { name: string; size: number; open: () => Promise<Readable>; compress: boolean };

export interface ResultBundle {
  process: ProcessRecord;
  files: ResultFile[];
  /** When the bundle was put together (epoch ms), which the download is named after. */
  madeAt: number;
}

const extensionOf: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'video/mp4': 'mp4' };

/** The providers whose raw result Get raw result serves, for the message to the others. */
const rawEndpointProviders = providers
  .filter((p) => p.rawResultEndpoint)
  .map((p) => p.name)
  .join(', ');

/** Whether the process's identification was recorded on video (Get video). */
function recordsVideo(definition: ProviderDefinition, processType: string | null): boolean {
  const types = definition.videoProcessTypes;
  return types === 'all' || (types !== undefined && processType !== null && types.includes(processType));
}

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
        size: image.size,
        open: () => blobs.read(image.blobKey),
        compress: false,
      });
    }
    for (const file of await this.rawFiles(process)) {
      files.push({ name: file.name, bytes: Buffer.from(JSON.stringify(file.content, null, 2)) });
    }
    if (process.engineOutputKey !== null) {
      files.push({ name: 'engine.json', bytes: await blobs.get(process.engineOutputKey) });
    }
    if (withTimestamps && providerOf(process.provider).downloadTimestamps) {
      const events = await store.repos.processEvents.listByProcess(process.id);
      const timestamps = events.map((e) => ({ status: e.status, at: new Date(e.createdAt).toISOString() }));
      files.push({ name: 'timestamps.json', bytes: Buffer.from(JSON.stringify(timestamps, null, 2)) });
    }
    return { process, files, madeAt: this.deps.clock.now() };
  }

  /** The raw result (e.g. ReadID's session), once the process has one; undefined before (upstream answers 204). */
  async raw(caller: ClientCaller, dossierId: string, processId: string): Promise<unknown> {
    const process = await requireProcess(this.deps.store.repos, caller, dossierId, processId);
    if (!providerOf(process.provider).rawResultEndpoint) {
      throw new AppError(
        'unsupported_for_provider',
        `The raw result is only available for ${rawEndpointProviders} processes; use the download instead.`,
      );
    }
    if (!resultStatuses.has(process.status) || process.rawResultKey === null) return undefined;
    return JSON.parse((await this.deps.blobs.get(process.rawResultKey)).toString('utf8')) as unknown;
  }

  async video(caller: ClientCaller, dossierId: string, processId: string): Promise<StreamedContent> {
    const { store, blobs } = this.deps;
    const process = await requireProcess(store.repos, caller, dossierId, processId);
    const definition = providerOf(process.provider);
    if (!recordsVideo(definition, process.processType)) {
      throw new AppError(
        'unsupported_for_provider',
        `${definition.title} processes of this type do not record a video.`,
      );
    }
    const video = await store.repos.images.find(
      { kind: 'process', id: process.id, clientId: caller.clientId },
      'video',
    );
    if (!video) throw notFound('Video');
    return { stream: await blobs.read(video.blobKey), contentType: video.contentType, size: video.size };
  }

  private async rawFiles(process: ProcessRecord): Promise<RawResultFile[]> {
    if (process.rawResultKey === null) return [];
    const raw = JSON.parse((await this.deps.blobs.get(process.rawResultKey)).toString('utf8')) as unknown;
    return providerOf(process.provider).rawResultFiles?.(raw) ?? [{ name: 'result.json', content: raw }];
  }
}
