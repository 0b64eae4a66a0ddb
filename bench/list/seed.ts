import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { ProcessStatus } from '../../src/core/process-status.js';
import { resultStatuses } from '../../src/core/process-status.js';
import { failedByRequest } from '../../src/services/verification.js';
import type { Dialect } from '../../src/store/database.js';
import { countBucketMs, type Database, type DossiersTable, type ProcessesTable } from '../../src/store/schema.js';
import { createdAtOf, dossierOf, firstProcessOf, type SeedPlan } from './plan.js';

// Bound-parameter limits per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's protocol.
const maxParameters: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };
const processColumns = 18;
const dossierColumns = 5;
// Big enough that commits (fsync with synchronous=FULL) do not dominate, small enough to stay in memory.
const rowsPerTransaction = 50_000;
const failReason = JSON.stringify(failedByRequest);

const rowsPerStatement = (dialect: Dialect, columns: number) =>
  Math.min(5_000, Math.floor(maxParameters[dialect] / columns));

/** Inserts the plan's dossiers and processes, in transactions of batched multi-row INSERTs. */
export async function insertRows(
  db: Kysely<Database>,
  dialect: Dialect,
  plan: SeedPlan,
  statuses: readonly ProcessStatus[],
  progress: (done: number) => void,
): Promise<void> {
  const dossierIds: string[] = [];
  for (let from = 0; from < plan.count; from += rowsPerTransaction) {
    const to = Math.min(plan.count, from + rowsPerTransaction);
    const dossiers: Insertable<DossiersTable>[] = [];
    const processes: Insertable<ProcessesTable>[] = [];
    for (let i = from; i < to; i++) {
      const k = dossierOf(plan, i);
      if (dossierIds[k] === undefined) {
        dossierIds[k] = randomUUID();
        dossiers.push(dossierRow(plan, k, dossierIds[k]));
      }
      processes.push(processRow(plan, i, dossierIds[k], statuses[i]!));
    }
    await db.transaction().execute(async (trx) => {
      for (const chunk of chunks(dossiers, rowsPerStatement(dialect, dossierColumns))) {
        await trx.insertInto('dossiers').values(chunk).execute();
      }
      for (const chunk of chunks(processes, rowsPerStatement(dialect, processColumns))) {
        await trx.insertInto('processes').values(chunk).execute();
      }
    });
    progress(to);
  }
}

/** Fills process_counts from the rows, the way the repositories would have kept it. */
export async function fillCounts(db: Kysely<Database>, clientId: string): Promise<void> {
  await sql`
    insert into process_counts (client_id, bucket, status, count)
    select client_id, created_at / ${sql.lit(countBucketMs)}, status, count(*)
    from processes where client_id = ${clientId}
    group by 1, 2, 3`.execute(db);
}

export async function analyze(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}

function dossierRow(plan: SeedPlan, k: number, id: string): Insertable<DossiersTable> {
  const lastProcess = Math.min(plan.count, firstProcessOf(plan, k + 1)) - 1;
  return {
    id,
    client_id: plan.clientId,
    external_reference: `customer-${k}`,
    created_at: createdAtOf(plan, firstProcessOf(plan, k)),
    updated_at: createdAtOf(plan, lastProcess),
  };
}

function processRow(plan: SeedPlan, i: number, dossierId: string, status: ProcessStatus): Insertable<ProcessesTable> {
  const createdAt = createdAtOf(plan, i);
  const finishedAt = status === 'pending' ? null : createdAt + 90_000;
  return {
    id: randomUUID(),
    dossier_id: dossierId,
    client_id: plan.clientId,
    provider: 'onfido',
    process_type: 'documentSelfie',
    status,
    document_type: 'passport',
    document_country: null,
    document_id: null,
    options: '{}',
    notification_url: null,
    notification_auth_sealed: null,
    external_id: randomUUID(),
    fail_reason: status === 'failed' ? failReason : null,
    created_at: createdAt,
    updated_at: finishedAt ?? createdAt,
    started_at: resultStatuses.has(status) ? createdAt + 30_000 : null,
    finished_at: finishedAt,
  };
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
}
