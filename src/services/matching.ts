import { AppError, conflict, notFound } from '../core/errors.js';
import {
  defaultConfiguration,
  matchFields,
  resolveFields,
  type FieldConfiguration,
  type FieldConfigurationInput,
  type FieldMatchResult,
} from '../matching/index.js';
import type { MatchingConfigurationRecord } from '../store/repositories/matching-configurations.js';
import type { Repositories } from '../store/store.js';
import type { ServiceDeps } from './context.js';
import { requireDossier } from './dossiers.js';
import { loadNode, type LoadedNode, type NodeRequest } from './matching-nodes.js';
import type { ClientCaller } from '../core/domain.js';

export interface MatchRequest {
  source: NodeRequest;
  target: NodeRequest;
  configurationId?: string;
}

export interface MatchOutcome {
  dossierId: string;
  /** Epoch ms of the match. */
  createdAt: number;
  source: Omit<LoadedNode, 'values'>;
  target: Omit<LoadedNode, 'values'>;
  matchResult: Record<string, FieldMatchResult>;
}

const configurationNotFound = () => notFound('Matching configuration');

/** Matching configurations of a client, and matching two sources of identity data of a dossier. */
export class MatchingService {
  constructor(private readonly deps: ServiceDeps) {}

  listConfigurations(caller: ClientCaller): Promise<MatchingConfigurationRecord[]> {
    return this.deps.store.repos.matchingConfigurations.list(caller.clientId);
  }

  async getConfiguration(caller: ClientCaller, id: string): Promise<MatchingConfigurationRecord> {
    const record = await this.deps.store.repos.matchingConfigurations.find(caller.clientId, id);
    if (!record) throw configurationNotFound();
    return record;
  }

  async createConfiguration(
    caller: ClientCaller,
    id: string,
    inputs: readonly FieldConfigurationInput[],
  ): Promise<MatchingConfigurationRecord> {
    const now = this.deps.clock.now();
    const record = { clientId: caller.clientId, id, fields: checkedFields(inputs), createdAt: now, updatedAt: now };
    if (!(await this.deps.store.repos.matchingConfigurations.insertIfAbsent(record))) {
      throw conflict(`A matching configuration "${id}" already exists; use PUT to change it.`);
    }
    return record;
  }

  async updateConfiguration(
    caller: ClientCaller,
    id: string,
    inputs: readonly FieldConfigurationInput[],
  ): Promise<MatchingConfigurationRecord> {
    const fields = checkedFields(inputs);
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      if (!(await tx.matchingConfigurations.update(caller.clientId, id, fields, now))) throw configurationNotFound();
      return (await tx.matchingConfigurations.find(caller.clientId, id))!;
    });
  }

  async deleteConfiguration(caller: ClientCaller, id: string): Promise<void> {
    if (!(await this.deps.store.repos.matchingConfigurations.delete(caller.clientId, id)))
      throw configurationNotFound();
  }

  /**
   * Matches the source's values against the target's, field by field. Unknown dossier, process or
   * configuration is a 404; a side without data is an `error` on each field instead.
   */
  async match(caller: ClientCaller, dossierId: string, request: MatchRequest): Promise<MatchOutcome> {
    checkNode(request.source, 'source');
    checkNode(request.target, 'target');
    const { repos } = this.deps.store;
    const dossier = await requireDossier(repos, caller, dossierId);
    const source = await loadNode(repos, caller, dossier.id, request.source);
    const target = await loadNode(repos, caller, dossier.id, request.target);
    const fields = await this.fieldsFor(repos, caller, request);
    const { values: sourceValues, ...sourceNode } = source;
    const { values: targetValues, ...targetNode } = target;
    return {
      dossierId: dossier.id,
      createdAt: this.deps.clock.now(),
      source: sourceNode,
      target: targetNode,
      matchResult: matchFields(fields, sourceValues, targetValues),
    };
  }

  private async fieldsFor(
    repos: Repositories,
    caller: ClientCaller,
    request: MatchRequest,
  ): Promise<FieldConfiguration[]> {
    if (request.configurationId === undefined) {
      return defaultConfiguration(request.source.dataNode, request.target.dataNode);
    }
    const record = await repos.matchingConfigurations.find(caller.clientId, request.configurationId);
    if (!record) throw configurationNotFound();
    return record.fields;
  }
}

/** The fields with their defaults written out, or a 400 naming the fields that cannot be stored. */
function checkedFields(inputs: readonly FieldConfigurationInput[]): FieldConfiguration[] {
  const resolved = resolveFields(inputs);
  if (!resolved.ok) throw new AppError('validation_failed', resolved.problems.join(' '));
  return resolved.fields;
}

/** A process node needs its process; user data belongs to the dossier and takes none. */
function checkNode(node: NodeRequest, side: 'source' | 'target'): void {
  if (node.dataNode !== 'userData' && node.processId === undefined) {
    throw new AppError('validation_failed', `body.${side}.processId is required when dataNode is ${node.dataNode}.`);
  }
}
