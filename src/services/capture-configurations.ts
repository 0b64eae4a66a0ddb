import { parseCaptureConfiguration } from '../capture/parse-configuration.js';
import type { CaptureConfiguration } from '../capture/configuration.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import type { CaptureConfigurationRecord } from '../store/repositories/capture-configurations.js';
import type { ClientCaller } from '../core/domain.js';
import type { ServiceDeps } from './context.js';

const configurationNotFound = () => notFound('Capture configuration');

/** Reads a configuration body into its normal form, or answers 400 listing every problem. */
function checked(body: unknown): CaptureConfiguration {
  const parsed = parseCaptureConfiguration(body);
  if (!parsed.ok) throw new AppError('validation_failed', parsed.problems.join(' '));
  return parsed.configuration;
}

/** A client's capture configurations (`uiProfile`s), which shape the hosted capture flow. */
export class CaptureConfigurationService {
  constructor(private readonly deps: ServiceDeps) {}

  list(caller: ClientCaller): Promise<Omit<CaptureConfigurationRecord, 'configuration'>[]> {
    return this.deps.store.repos.captureConfigurations.list(caller.clientId);
  }

  async get(caller: ClientCaller, id: string): Promise<CaptureConfigurationRecord> {
    const record = await this.deps.store.repos.captureConfigurations.find(caller.clientId, id);
    if (!record) throw configurationNotFound();
    return record;
  }

  async create(caller: ClientCaller, id: string, body: unknown): Promise<CaptureConfigurationRecord> {
    const configuration = checked(body);
    const now = this.deps.clock.now();
    const record = { clientId: caller.clientId, id, configuration, createdAt: now, updatedAt: now };
    if (!(await this.deps.store.repos.captureConfigurations.insertIfAbsent(record))) {
      throw conflict(`A capture configuration "${id}" already exists; use PUT to change it.`);
    }
    return record;
  }

  async replace(caller: ClientCaller, id: string, body: unknown): Promise<CaptureConfigurationRecord> {
    const configuration = checked(body);
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      if (!(await tx.captureConfigurations.replace(caller.clientId, id, configuration, now)))
        throw configurationNotFound();
      return (await tx.captureConfigurations.find(caller.clientId, id))!;
    });
  }

  async delete(caller: ClientCaller, id: string): Promise<void> {
    if (!(await this.deps.store.repos.captureConfigurations.delete(caller.clientId, id))) throw configurationNotFound();
  }
}
