// The shapes of the console API (/console/api), as the console contract gives them.

export type Role = 'viewer' | 'reviewer' | 'admin';

export interface Operator {
  email: string;
  role: Role;
  /** null: every client; otherwise the only clients this operator may see. */
  clients: string[] | null;
  totpEnrolled: boolean;
}

export interface Session {
  operator: Operator;
  csrfToken: string;
  stage: 'totp' | 'enroll' | 'ready';
}

/** The ways in the sign-in page offers (asked before anyone is signed in). */
export interface SignInOptions {
  sso: boolean;
  localPasswords: boolean;
}

export interface ErrorBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

export interface Enrollment {
  secret: string;
  otpauthUrl: string;
}

export interface Overview {
  from: string;
  to: string;
  perDay: { date: string; provider: string; status: string; count: number }[];
  acceptanceRate: number | null;
  medianSecondsToFinal: number | null;
  reviewQueue: { length: number; oldestWaitingSeconds: number | null };
  webhookFailures: { last24h: number; total: number };
  decisionsByReviewer: { email: string; accepted: number; rejected: number }[];
}

export interface ProcessItem {
  processId: string;
  dossierId: string;
  clientId: string;
  clientName: string;
  provider: string;
  processType: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
  externalReference: string | null;
  externalId: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Dossier {
  dossierId: string;
  clientId: string;
  externalReference: string | null;
  createdAt: string;
  userData: unknown;
  processes: ProcessItem[];
}

/** [x, y, width, height] in image pixels. */
export type Box = [number, number, number, number];

export interface Findings {
  mrz?: { box: Box; lines: string[] };
  faces?: Box[];
  glare?: Box[];
  fields?: { name: string; value: string; box: Box }[];
}

export interface ProcessImage {
  depiction: string;
  url: string;
  /** null when the server could not measure the image: it is then shown without the boxes. */
  width: number | null;
  height: number | null;
  findings: Findings;
}

export type TimelineEntry =
  | { at: string; kind: 'status'; status: string }
  | { at: string; kind: 'notification'; url: string; attempt: number; responseStatus: number | null; ok: boolean };

export interface ProcessDetail {
  process: Record<string, unknown>;
  clientId: string;
  clientName: string;
  dossierId: string;
  provider: string;
  timeline: TimelineEntry[];
  images: ProcessImage[];
  video: { url: string } | null;
  raw: unknown;
  engineOutput: unknown;
  zipUrl: string;
}

export type Environment = 'sandbox' | 'live';

export interface Client {
  clientId: string;
  name: string;
  environment: Environment;
  createdAt: string;
  processCount: number;
}

export interface ClientSettings {
  reviewInconclusive: string[];
  fourEyes: boolean;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  status: string;
  disabledReason: string | null;
}

export interface Delivery {
  id: string;
  clientId: string;
  endpointId: string | null;
  url: string;
  processId: string | null;
  event: string;
  attempts: { at: string; responseStatus: number | null; error: string | null; durationMs: number }[];
  state: string;
  createdAt: string;
}

export interface OperatorRow {
  email: string;
  role: Role;
  clients: string[] | null;
  totpEnrolled?: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  operator: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface ReviewItem {
  processId: string;
  dossierId: string;
  clientId: string;
  clientName: string;
  provider: string;
  processType: string | null;
  queuedAt: string;
  waitingSeconds: number;
  claimedBy: string | null;
  claimExpiresAt: string | null;
  approvals: string[];
}

export interface Reason {
  code: string;
  label: string;
}

export interface Reasons {
  accept: Reason[];
  reject: Reason[];
}

/** The case as the review routes give it; the process itself is read from the process route. */
export interface ReviewDetail extends ReviewItem {
  extracted: Record<string, string>;
  /** The prompt the person had to follow in the selfie video, where the capture flow recorded one. */
  selfieVideo?: { prompt: string } | null;
  reasons: Reasons;
  fourEyes: boolean;
}

export interface Decision {
  decision: 'accept' | 'reject';
  reason: string;
  comment?: string;
  corrections?: Record<string, string>;
}
