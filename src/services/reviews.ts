import { AppError, conflict, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { toIsoSeconds } from '../core/time.js';
import type { OperatorCaller, Outcome, ProcessRecord } from '../core/domain.js';
import type { ProcessRedactionDeps } from '../redaction/process-redaction.js';
import { providerOf } from '../providers/registry.js';
import { claimState, liveClaim } from '../review/claims.js';
import { checkCorrections, type ExtractedFields, type ReviewDecision } from '../review/decision.js';
import { fourEyesStep } from '../review/four-eyes.js';
import { reasonList, reasonOf, type ReviewVerdict } from '../review/reasons.js';
import { reviewedOutcome } from '../review/reviewed-outcome.js';
import { reviewerId } from '../review/reviewer-id.js';
import type { ReviewRecord } from '../store/repositories/reviews.js';
import type { Repositories } from '../store/store.js';
import { finishProcessing } from '../verification/finish.js';
import { audit } from './console/audit.js';
import type { ServiceDeps } from './context.js';

export interface ReviewServiceOptions {
  /** How long a claim keeps a case for one reviewer (OPENASSURE_REVIEW_CLAIM_MINUTES). */
  claimMinutes: number;
  redaction?: ProcessRedactionDeps;
}

/** The operators who review: the routes let reviewers and admins through (the role is checked there). */
type Reviewer = OperatorCaller;

export interface QueuedReview {
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

export interface ReviewDetail extends QueuedReview {
  extracted: ExtractedFields;
  /** The prompt the person had to follow in the selfie video, and the video kept (from the capture flow). */
  selfieVideo: {
    prompt: string;
    video: { contentType: string; size: number; durationMs: number | null } | null;
  } | null;
  reasons: ReturnType<typeof reasonList>;
  fourEyes: boolean;
}

export interface DecisionInput {
  decision: ReviewVerdict;
  reason: string;
  comment?: string;
  corrections?: Record<string, unknown>;
}

export interface DecisionResult {
  state: 'decided' | 'awaitingSecondApproval';
  status: string;
}

const queueLimit = 500;

/**
 * The review queue (docs/review.md): live processes a person decides, oldest first. A reviewer claims a
 * case, sees what the engines found, and accepts or rejects it with a reason; the decision becomes the
 * provider's upstream result (its review rule, or the reviewed inconclusive outcome), mapped by the
 * provider's own mapResult and finished through the status machine, in one transaction with the review's
 * own rows, so the client is notified exactly as for any other final result.
 */
export class ReviewService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly options: ReviewServiceOptions,
  ) {}

  reasons(): ReturnType<typeof reasonList> {
    return reasonList();
  }

  async list(reviewer: Reviewer): Promise<QueuedReview[]> {
    const reviews = await this.deps.store.repos.reviews.listQueued(reviewer.clients, queueLimit);
    const items: QueuedReview[] = [];
    for (const review of reviews) {
      const item = await this.describe(review);
      if (item) items.push(item);
    }
    return items;
  }

  async get(reviewer: Reviewer, processId: string): Promise<ReviewDetail> {
    const review = await this.visible(reviewer, processId);
    const item = await this.describe(review);
    if (!item) throw notFound('Review');
    const process = await this.processOf(review);
    const raw = await this.rawOf(process);
    const review_ = providerOf(process.provider).review;
    const settings = await this.deps.store.repos.clientSettings.find(review.clientId);
    const selfieVideo = (await this.deps.store.repos.captureFlows.find(processId))?.selfieVideo ?? null;
    return {
      ...item,
      extracted: review_ ? review_.extracted(raw) : {},
      selfieVideo: selfieVideo && {
        prompt: selfieVideo.prompt,
        video: selfieVideo.video && {
          contentType: selfieVideo.video.contentType,
          size: selfieVideo.video.size,
          durationMs: selfieVideo.video.durationMs,
        },
      },
      reasons: reasonList(),
      fourEyes: settings.fourEyes,
    };
  }

  async claim(reviewer: Reviewer, processId: string): Promise<{ claimExpiresAt: string }> {
    const review = await this.visible(reviewer, processId);
    if (review.state !== 'queued') throw conflict('This review has been decided already.');
    const now = this.deps.clock.now();
    const expiresAt = now + this.options.claimMinutes * 60_000;
    await this.deps.store.transaction(async (tx) => {
      if (!(await tx.reviews.claim(processId, reviewer.email, now, expiresAt))) throw claimedByAnother();
      await audit(tx, this.deps.clock, {
        operator: reviewer.email,
        action: 'review.claim',
        target: processId,
        after: { claimExpiresAt: toIsoSeconds(expiresAt) },
      });
    });
    return { claimExpiresAt: toIsoSeconds(expiresAt) };
  }

  async release(reviewer: Reviewer, processId: string): Promise<void> {
    await this.visible(reviewer, processId);
    await this.deps.store.repos.reviews.release(processId, reviewer.email);
  }

  async decide(reviewer: Reviewer, processId: string, input: DecisionInput): Promise<DecisionResult> {
    const reason = reasonOf(input.decision, input.reason);
    if (!reason)
      throw new AppError('validation_failed', `reason '${input.reason}' is not a reason to ${input.decision}.`);
    const corrections = checkCorrections(input.corrections ?? {});
    if (typeof corrections === 'string') throw new AppError('validation_failed', corrections);
    const review = await this.visible(reviewer, processId);
    if (review.state !== 'queued') throw conflict('This review has been decided already.');
    const now = this.deps.clock.now();
    switch (claimState(review, reviewer.email, now)) {
      case 'someoneElse':
        throw claimedByAnother();
      case 'free':
        throw conflict('Claim the review before deciding it (your claim may have lapsed).');
      case 'mine':
        break;
    }
    const { store } = this.deps;
    const settings = await store.repos.clientSettings.find(review.clientId);
    const earlier = await store.repos.reviews.decisions(processId);
    const approvals = earlier.filter((d) => d.decision === 'accept').map((d) => d.operator);
    const step = fourEyesStep(input.decision, settings.fourEyes, approvals, reviewer.email);
    const record = {
      id: newId(),
      processId,
      clientId: review.clientId,
      operator: reviewer.email,
      decision: input.decision,
      reason: reason.code,
      comment: input.comment?.trim() ? input.comment.trim() : null,
      corrections: Object.keys(corrections).length > 0 ? (corrections as Record<string, string>) : null,
      at: now,
    };
    const audited = (tx: Repositories, state: DecisionResult['state']) =>
      audit(tx, this.deps.clock, {
        operator: reviewer.email,
        action: 'review.decide',
        target: processId,
        before: { state: 'queued', approvals },
        after: { state, decision: input.decision, reason: reason.code, corrections: record.corrections },
      });
    switch (step.kind) {
      case 'sameReviewer':
        throw conflict('You approved this case already; with four-eyes, a second, different reviewer must accept it.');
      case 'awaitingSecondApproval':
        await store.transaction(async (tx) => {
          await tx.reviews.insertDecision(record);
          await tx.reviews.release(processId, reviewer.email);
          await audited(tx, 'awaitingSecondApproval');
        });
        return { state: 'awaitingSecondApproval', status: 'processing' };
      case 'final':
        break;
    }
    const process = await this.processOf(review);
    const raw = await this.rawOf(process);
    // Corrections of an earlier approval count, later ones win.
    const allCorrections = Object.assign(
      {},
      ...earlier.map((d) => d.corrections ?? {}),
      corrections,
    ) as ExtractedFields;
    const decision: ReviewDecision = {
      verdict: input.decision,
      reason,
      fields: { ...this.extractedOf(process, raw), ...allCorrections },
      reviewerId: reviewerId(reviewer.email),
      decisionId: record.id,
      queuedAt: review.queuedAt,
      claimedAt: (review.claimExpiresAt ?? now) - this.options.claimMinutes * 60_000,
      decidedAt: now,
    };
    const { outcome, result } = this.decidedResult(process, raw, decision, allCorrections);
    const finished = await finishProcessing(
      { ...this.deps, ...(this.options.redaction && { redaction: this.options.redaction }) },
      process,
      outcome,
      result,
      this.deps.logger,
      async (tx) => {
        if (!(await tx.reviews.markDecided(processId, now))) throw conflict('This review has been decided already.');
        await tx.reviews.insertDecision(record);
        await audited(tx, 'decided');
      },
    );
    if (!finished) throw conflict('The process is no longer waiting for a review.');
    return { state: 'decided', status: outcome.status };
  }

  /** The provider's upstream result for the decision, and the outcome its own mapping gives it. */
  private decidedResult(
    process: ProcessRecord,
    raw: unknown,
    decision: ReviewDecision,
    corrections: ExtractedFields,
  ): { outcome: Outcome; result: { raw: unknown } | { outcome: Outcome } } {
    const definition = providerOf(process.provider);
    const context = { processType: process.processType, today: this.deps.clock.today() };
    if (definition.review) {
      const decided = definition.review.decided(raw, decision);
      return { outcome: definition.mapResult(decided, context), result: { raw: decided } };
    }
    const outcome = reviewedOutcome(definition.mapResult(raw, context), decision.verdict, corrections);
    // The raw result stays the provider's own: the reviewer's decision is this server's, not the vendor's.
    return { outcome, result: { outcome } };
  }

  private extractedOf(process: ProcessRecord, raw: unknown): ExtractedFields {
    return providerOf(process.provider).review?.extracted(raw) ?? {};
  }

  /** The review, when the reviewer may see its client; 404 as if absent otherwise. */
  private async visible(reviewer: Reviewer, processId: string): Promise<ReviewRecord> {
    const review = await this.deps.store.repos.reviews.find(processId);
    if (!review || (reviewer.clients !== null && !reviewer.clients.includes(review.clientId))) {
      throw notFound('Review');
    }
    return review;
  }

  private async processOf(review: ReviewRecord): Promise<ProcessRecord> {
    const process = await this.deps.store.repos.processes.findById(review.processId);
    if (!process) throw notFound('Review');
    return process;
  }

  private async rawOf(process: ProcessRecord): Promise<unknown> {
    if (process.rawResultKey === null) return undefined;
    return JSON.parse((await this.deps.blobs.get(process.rawResultKey)).toString('utf8')) as unknown;
  }

  private async describe(review: ReviewRecord): Promise<QueuedReview | undefined> {
    const { store, clock } = this.deps;
    const process = await store.repos.processes.findById(review.processId);
    const client = await store.repos.clients.find(review.clientId);
    if (!process || !client) return undefined;
    const now = clock.now();
    const claim = liveClaim(review, now);
    const decisions = await store.repos.reviews.decisions(review.processId);
    return {
      processId: review.processId,
      dossierId: process.dossierId,
      clientId: review.clientId,
      clientName: client.name,
      provider: process.provider,
      processType: process.processType,
      queuedAt: toIsoSeconds(review.queuedAt),
      waitingSeconds: Math.max(0, Math.floor((now - review.queuedAt) / 1000)),
      claimedBy: claim.claimedBy,
      claimExpiresAt: claim.claimExpiresAt === null ? null : toIsoSeconds(claim.claimExpiresAt),
      approvals: decisions.filter((d) => d.decision === 'accept').map((d) => d.operator),
    };
  }
}

const claimedByAnother = () => new AppError('review_claimed', 'Another reviewer is working on this case.');
