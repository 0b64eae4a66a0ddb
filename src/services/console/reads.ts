import sharp from 'sharp';
import type { OperatorCaller, ClientCaller } from '../../core/domain.js';
import { notFound } from '../../core/errors.js';
import { isFinal, type ProcessStatus } from '../../core/process-status.js';
import { utcDay } from '../../core/time.js';
import type { ConsoleProcessRow, ProcessSearch } from '../../store/repositories/console-search.js';
import type { ServiceDeps } from '../context.js';
import type { StreamedContent } from '../dossier-files.js';
import { audit } from './audit.js';
import { findingsOf, type ImageFindings } from './findings.js';
import { decodeCursor, encodeCursor } from './cursors.js';
import { actAsClient } from './scope.js';

export interface SearchQuery {
  q?: string;
  clientId?: string;
  provider?: string;
  status?: ProcessStatus;
  from?: number;
  to?: number;
  cursor?: string;
  limit: number;
}

export interface ListedProcess extends Omit<ConsoleProcessRow, 'createdAt' | 'updatedAt'> {
  createdAt: string;
  updatedAt: string;
}

const listed = (row: ConsoleProcessRow): ListedProcess => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The process detail besides the client API's own body, which the route adds with its presenter. */
export interface ProcessDetail {
  caller: ClientCaller;
  clientName: string;
  dossierId: string;
  provider: string;
  timeline: (
    | { at: string; kind: 'status'; status: ProcessStatus }
    | { at: string; kind: 'notification'; url: string; attempt: number; responseStatus: number | null; ok: boolean }
  )[];
  images: { depiction: string; url: string; width: number | null; height: number | null; findings: ImageFindings }[];
  video: { url: string } | null;
  raw: unknown;
  engineOutput: unknown;
  zipUrl: string;
}

/** What viewers read in the console: the overview, the search, dossiers, processes and their files. */
export class ConsoleReadService {
  constructor(private readonly deps: ServiceDeps) {}

  async overview(operator: OperatorCaller, days: number) {
    const search = this.deps.store.repos.consoleSearch;
    const now = this.deps.clock.now();
    const to = (Math.floor(now / 86_400_000) + 1) * 86_400_000;
    const from = to - days * 86_400_000;
    const scope = operator.clients;
    const perDay = await search.countsPerDay(scope, from, to);
    const final = perDay.filter((d) => isFinal(d.status)).reduce((sum, d) => sum + d.count, 0);
    const accepted = perDay.filter((d) => d.status === 'accepted').reduce((sum, d) => sum + d.count, 0);
    const durations = await search.durationsToFinal(scope, from, to, 10_000);
    const queue = await search.reviewQueue(scope);
    const failures = await search.webhookFailures(scope, now - 86_400_000);
    const decisions = await search.decisionsByReviewer(scope, from, to);
    const reviewers = new Map<string, { email: string; accepted: number; rejected: number }>();
    for (const d of decisions) {
      const entry = reviewers.get(d.email) ?? { email: d.email, accepted: 0, rejected: 0 };
      if (d.decision === 'accept') entry.accepted += d.count;
      else entry.rejected += d.count;
      reviewers.set(d.email, entry);
    }
    const medianMs = median(durations);
    return {
      from: utcDay(from),
      to: utcDay(to - 1),
      perDay: perDay
        .map((d) => ({ date: utcDay(d.day * 86_400_000), provider: d.provider, status: d.status, count: d.count }))
        .sort(
          (a, b) =>
            a.date.localeCompare(b.date) || a.provider.localeCompare(b.provider) || a.status.localeCompare(b.status),
        ),
      acceptanceRate: final === 0 ? null : accepted / final,
      medianSecondsToFinal: medianMs === null ? null : Math.round(medianMs / 1000),
      reviewQueue: {
        length: queue.length,
        oldestWaitingSeconds: queue.oldest === null ? null : Math.max(0, Math.round((now - queue.oldest) / 1000)),
      },
      webhookFailures: { last24h: failures.recent, total: failures.dead },
      decisionsByReviewer: [...reviewers.values()].sort((a, b) => a.email.localeCompare(b.email)),
    };
  }

  async search(
    operator: OperatorCaller,
    query: SearchQuery,
  ): Promise<{ items: ListedProcess[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const search: ProcessSearch = {
      clients: operator.clients,
      ...(query.q !== undefined && query.q.trim() !== '' && { q: query.q.trim() }),
      ...(query.clientId !== undefined && { clientId: query.clientId }),
      ...(query.provider !== undefined && { provider: query.provider }),
      ...(query.status !== undefined && { status: query.status }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(after && { after: { createdAt: after.at, id: after.id } }),
    };
    const rows = await this.deps.store.repos.consoleSearch.searchProcesses(search, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(listed),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.processId) : null,
    };
  }

  async dossier(operator: OperatorCaller, dossierId: string) {
    const { store } = this.deps;
    const clientId = await store.repos.consoleSearch.locateDossier(dossierId);
    if (clientId === undefined) throw notFound('Dossier');
    const caller = await actAsClient(store.repos, operator, clientId, 'Dossier');
    const dossier = await store.repos.dossiers.find(caller.clientId, dossierId);
    if (!dossier) throw notFound('Dossier');
    const userData = await store.repos.userData.find(dossierId);
    const processes = await store.repos.consoleSearch.searchProcesses({ clients: [caller.clientId], dossierId }, 1000);
    return {
      dossierId,
      clientId: caller.clientId,
      externalReference: dossier.externalReference,
      createdAt: new Date(dossier.createdAt).toISOString(),
      userData: userData ? userData.data : null,
      processes: processes.map(listed),
    };
  }

  /** The client caller for a process the operator may see (404 otherwise), and where the process is. */
  async processCaller(operator: OperatorCaller, processId: string) {
    const location = await this.deps.store.repos.consoleSearch.locateProcess(processId);
    if (!location) throw notFound('Process');
    const caller = await actAsClient(this.deps.store.repos, operator, location.clientId, 'Process');
    return { caller, dossierId: location.dossierId };
  }

  /** Everything the process page shows besides the client API's body; viewing it is audited. */
  async processDetail(operator: OperatorCaller, processId: string): Promise<ProcessDetail> {
    const { store, blobs, clock } = this.deps;
    const { caller, dossierId } = await this.processCaller(operator, processId);
    const process = await store.repos.processes.find(caller.clientId, dossierId, processId);
    const client = await store.repos.clients.find(caller.clientId);
    if (!process || !client) throw notFound('Process');
    const base = `/console/api/processes/${processId}`;

    const events = await store.repos.processEvents.listByProcess(processId);
    const deliveries = await store.repos.deliveries.listForProcess(processId);
    const attempts = await store.repos.deliveries.attemptsOf(deliveries.map((d) => d.id));
    const urls = await this.deliveryUrls(caller.clientId, deliveries);
    const timeline: ProcessDetail['timeline'] = [
      ...events.map((e) => ({ at: e.createdAt, entry: { kind: 'status' as const, status: e.status } })),
      ...attempts.map((a) => ({
        at: a.startedAt,
        entry: {
          kind: 'notification' as const,
          url: urls.get(a.deliveryId) ?? '',
          attempt: a.attempt,
          responseStatus: a.statusCode,
          ok: a.outcome === 'delivered',
        },
      })),
    ]
      .sort((a, b) => a.at - b.at)
      .map(({ at, entry }) => ({ at: new Date(at).toISOString(), ...entry }));

    const engineOutput =
      process.engineOutputKey === null
        ? null
        : (JSON.parse((await blobs.get(process.engineOutputKey)).toString('utf8')) as unknown);
    const raw =
      process.rawResultKey === null
        ? null
        : (JSON.parse((await blobs.get(process.rawResultKey)).toString('utf8')) as unknown);
    const findings = findingsOf(engineOutput);
    const stored = await store.repos.images.list({ kind: 'process', id: processId, clientId: caller.clientId });
    const images: ProcessDetail['images'] = [];
    let video: ProcessDetail['video'] = null;
    for (const image of stored) {
      if (image.depiction === 'video') {
        video = { url: `${base}/video` };
        continue;
      }
      const size = await sharp(await blobs.get(image.blobKey))
        .metadata()
        .catch(() => undefined);
      // Boxes are in the pixels of the image as shown, after its EXIF orientation.
      const turned = (size?.orientation ?? 1) >= 5;
      images.push({
        depiction: image.depiction,
        url: `${base}/images/${image.depiction}`,
        width: (turned ? size?.height : size?.width) ?? null,
        height: (turned ? size?.width : size?.height) ?? null,
        findings: findings[image.depiction] ?? {},
      });
    }
    await audit(store.repos, clock, { operator: operator.email, action: 'process.view', target: processId });
    return {
      caller,
      clientName: client.name,
      dossierId,
      provider: process.provider,
      timeline,
      images,
      video,
      raw,
      engineOutput,
      zipUrl: `${base}/zip`,
    };
  }

  /** One stored image or the video of a process, streamed. */
  async media(operator: OperatorCaller, processId: string, depiction: string): Promise<StreamedContent> {
    const { store, blobs } = this.deps;
    const { caller } = await this.processCaller(operator, processId);
    const stored = await store.repos.images.list({ kind: 'process', id: processId, clientId: caller.clientId });
    const image = stored.find((i) => i.depiction === depiction);
    if (!image) throw notFound(depiction === 'video' ? 'Video' : 'Image');
    return { stream: await blobs.read(image.blobKey), contentType: image.contentType, size: image.size };
  }

  private async deliveryUrls(
    clientId: string,
    deliveries: { id: string; endpointId: string | null; processId: string | null }[],
  ): Promise<Map<string, string>> {
    const urls = new Map<string, string>();
    for (const delivery of deliveries) {
      if (delivery.endpointId !== null) {
        const endpoint = await this.deps.store.repos.webhookEndpoints.find(clientId, delivery.endpointId);
        if (endpoint) urls.set(delivery.id, endpoint.url);
      } else if (delivery.processId !== null) {
        const url = await this.deps.store.repos.consoleSearch.notificationUrlOf(delivery.processId);
        if (url !== null) urls.set(delivery.id, url);
      }
    }
    return urls;
  }
}
