import type { FinalStatus, ProcessStatus } from './process-status.js';

/**
 * The domain types every layer shares: what a process is, what a verification concluded, who is
 * calling, and how a status changes. Types only (and the lists they are made of): no I/O, no rules.
 */

export type Json = Record<string, unknown>;

/** What an image of a process or dossier shows. */
export const depictions = ['front', 'back', 'selfie', 'portrait'] as const;
export type Depiction = (typeof depictions)[number];

/** What the media table of a process holds: its images, and the video of a video identification. */
export type MediaDepiction = Depiction | 'video';

export const isDepiction = (value: string): value is Depiction => (depictions as readonly string[]).includes(value);

/** Whether a client works against the sandbox's scenarios or verifies for real. */
export type ClientEnvironment = 'sandbox' | 'live';

/** Why a process was rejected or inconclusive (upstream's statusReasons, PictureID). A JSON object. */
export type StatusReason = {
  type: string;
  category: string;
  subCategory?: string;
  message: string;
};

/**
 * What a provider's raw result means, in Assure's terms. Providers' `mapResult` functions produce it;
 * the verification job stores it with the raw result beside it.
 */
export interface Outcome {
  status: FinalStatus;
  providerSpecific?: Json;
  finalResult?: Json;
  statusReasons?: StatusReason[];
  failReason?: Json;
}

/** The parts of an Outcome kept beside the status. */
export type StoredOutcome = Omit<Outcome, 'status' | 'failReason'>;

/** Provider options given when the process was created. */
export interface ProcessOptions {
  redact?: string[];
  redactionLevel?: string;
  processParameters?: Record<string, unknown>;
  eventTags?: string[];
}

/** A verification process of a dossier, as stored. */
export interface ProcessRecord {
  id: string;
  dossierId: string;
  clientId: string;
  /** The provider value as requested and returned (a canonical name, or `connect:<method>`). */
  provider: string;
  processType: string | null;
  status: ProcessStatus;
  documentType: string | null;
  documentCountry: string | null;
  documentId: number | null;
  options: ProcessOptions;
  notificationUrl: string | null;
  notificationAuthSealed: string | null;
  externalId: string | null;
  failReason: Json | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  sandboxScenario: string | null;
  /** The mapped result once final; status and failReason live in their own fields. */
  outcome: StoredOutcome | null;
  rawResultKey: string | null;
  startInputKey: string | null;
  firstImageAt: number | null;
  engineOutputKey: string | null;
}

/** The fields a status change may set together with the status. */
export const transitionPatchFields = [
  'failReason',
  'startedAt',
  'finishedAt',
  'externalId',
  'sandboxScenario',
  'outcome',
  'rawResultKey',
  'startInputKey',
  'engineOutputKey',
] as const satisfies readonly (keyof ProcessRecord)[];

/** What a status change sets besides the status; an absent field keeps its value. */
export type TransitionPatch = { [Field in (typeof transitionPatchFields)[number]]?: NonNullable<ProcessRecord[Field]> };

/**
 * Who is calling a use case. Each service method names the kinds it serves in its parameter type
 * (`CallerOf<'client'>`), so the compiler keeps a caller away from what is not theirs:
 * - `client`: an API client (tenant) with a Bearer token; it sees only its own dossiers and processes.
 * - `endUser`: the person in the hosted capture flow, holding the session cookie of one capture link;
 *   bound to one process of one client, and nothing else.
 * - `operator`: a person signed in to the console, with a role; `clients` limits the clients they see
 *   (null: every client). Another client's resources are 404 to them, as to a client.
 */
export type Caller =
  | { kind: 'client'; clientId: string; environment: ClientEnvironment }
  | {
      kind: 'endUser';
      clientId: string;
      environment: ClientEnvironment;
      dossierId: string;
      processId: string;
      /** `handover`: the phone that opened a handover link, beside the browser that started. */
      device: 'primary' | 'handover';
    }
  | { kind: 'operator'; email: string; role: OperatorRole; clients: readonly string[] | null };

/** What an operator may do: viewer reads, reviewer also reviews, admin does everything. */
export type OperatorRole = 'viewer' | 'reviewer' | 'admin';

/** The callers of one kind. */
export type CallerOf<Kind extends Caller['kind']> = Extract<Caller, { kind: Kind }>;

/** An API client: the caller every Assure endpoint serves. */
export type ClientCaller = CallerOf<'client'>;

/** An end-user in the capture flow of one process. */
export type EndUserCaller = CallerOf<'endUser'>;

/** An operator of the console. */
export type OperatorCaller = CallerOf<'operator'>;

/**
 * The only way a process changes status (see `services/status-changes.ts`): checks the status machine,
 * compare-and-sets the row inside the caller's transaction `tx`, records the change and tells the
 * listeners in that same transaction. Returns the process as it is after the change.
 *
 * @example const started = await statusChanges.change(tx, process, 'processing', now, { startedAt: now });
 */
export interface StatusChanges<Tx> {
  change(
    tx: Tx,
    process: ProcessRecord,
    to: ProcessStatus,
    now: number,
    patch?: TransitionPatch,
  ): Promise<ProcessRecord>;
}

/** Told of every status change, inside its transaction (e.g. to plan notifications). */
export interface StatusChangeListener<Tx> {
  statusChanged(tx: Tx, process: ProcessRecord, now: number): Promise<void>;
}
