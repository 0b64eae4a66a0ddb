import { AppError } from '../core/errors.js';
import { isProcessStatus, type ProcessStatus } from '../core/process-status.js';
import { parseIsoDateTime } from '../core/time.js';
import type { ProcessListPage } from '../store/repositories/process-list.js';
import type { ServiceDeps } from './context.js';
import type { ClientCaller } from '../core/domain.js';

export const processListOrders = ['createdAtDescending', 'createdAtAscending'] as const;
export type ProcessListOrder = (typeof processListOrders)[number];

export interface ProcessListFilters {
  startCreationDate: string;
  endCreationDate?: string;
  statusList: ProcessStatus[];
  offset: number;
  limit: number;
  order: ProcessListOrder;
}

export interface ProcessListRequest {
  startCreationDate: string;
  endCreationDate?: string;
  status?: string[];
  offset?: number;
  limit?: number;
  order?: string;
}

export class ProcessListService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    caller: ClientCaller,
    request: ProcessListRequest,
  ): Promise<{ filters: ProcessListFilters; page: ProcessListPage }> {
    const problems: string[] = [];
    const fromMs = parseIsoDateTime(request.startCreationDate);
    if (fromMs === null) problems.push('startCreationDate must be an ISO-8601 date-time such as 2022-01-01T09:00:00Z.');
    const toMs =
      request.endCreationDate === undefined ? Number.MAX_SAFE_INTEGER : parseIsoDateTime(request.endCreationDate);
    if (toMs === null) problems.push('endCreationDate must be an ISO-8601 date-time such as 2022-01-31T18:00:00Z.');
    // Repeated ?status=a&status=b and comma-separated ?status=a,b are both accepted.
    const statuses = [
      ...new Set(
        (request.status ?? [])
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = statuses.filter((s) => !isProcessStatus(s));
    if (unknown.length > 0) problems.push(`status '${unknown.join("', '")}' is not a process status.`);
    const order = request.order ?? 'createdAtDescending';
    if (!(processListOrders as readonly string[]).includes(order)) {
      problems.push(`order must be ${processListOrders.join(' or ')}.`);
    }
    if (fromMs !== null && toMs !== null && toMs < fromMs)
      problems.push('endCreationDate is before startCreationDate.');
    if (problems.length > 0 || fromMs === null || toMs === null)
      throw new AppError('validation_failed', problems.join(' '));

    const filters: ProcessListFilters = {
      startCreationDate: request.startCreationDate,
      ...(request.endCreationDate !== undefined && { endCreationDate: request.endCreationDate }),
      statusList: statuses as ProcessStatus[],
      offset: request.offset ?? 0,
      limit: request.limit ?? 100,
      order: order as ProcessListOrder,
    };
    const page = await this.deps.store.repos.processList.page({
      clientId: caller.clientId,
      fromMs,
      toMs,
      statuses: filters.statusList,
      offset: filters.offset,
      limit: filters.limit,
      order: filters.order === 'createdAtAscending' ? 'asc' : 'desc',
    });
    return { filters, page };
  }
}
