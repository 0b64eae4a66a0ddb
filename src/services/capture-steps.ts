import { redirectWithOutcome } from '../capture/capture-request.js';
import { anyIcaoPassport, captureSteps, documentOptions, type DocumentOption } from '../capture/document-options.js';
import { sessionView, type SessionView, type Step } from '../capture/session-view.js';
import type { ClientCaller, EndUserCaller, ProcessRecord } from '../core/domain.js';
import { findCountry } from '../core/countries.js';
import { AppError } from '../core/errors.js';
import { toIsoSeconds } from '../core/time.js';
import { mrzSideOf } from '../document-types/kinds.js';
import { providerOf } from '../providers/registry.js';
import type { ProviderDefinition } from '../providers/types.js';
import { drawSelfieVideoPrompt } from '../capture/selfie-video.js';
import type { CaptureFlowRecord } from '../store/repositories/capture-flows.js';
import { captureProblems, type CaptureCheckEngines, type CaptureProblem } from './capture-image-check.js';
import { capturePlan, type CapturePlan } from './capture-plan.js';
import type { ServiceDeps } from './context.js';
import type { SandboxService } from './sandbox.js';
import type { SessionGrant } from './capture-sessions.js';
import { prepareImageBytes, storeImages } from './uploads/stored-images.js';
import type { VerificationService } from './verification.js';

/** The steps that take an image (the selfie video's still frame comes as `selfie`). */
type ImageStep = Exclude<Step, 'selfieVideo'>;

export interface UploadResult {
  accepted: boolean;
  problems: { code: CaptureProblem }[];
  attemptsLeft: number;
  session: SessionView;
}

/** Everything about the flow a step needs, loaded for the end-user's process only. */
export interface LoadedFlow {
  caller: EndUserCaller;
  flow: CaptureFlowRecord;
  process: ProcessRecord;
  definition: ProviderDefinition;
  plan: CapturePlan;
  options: DocumentOption[];
}
type Loaded = LoadedFlow;

const notExpected = (detail: string) => new AppError('capture_not_expected', detail);

/**
 * What the end-user does in the capture flow: read where they are, choose a document, hand in each
 * image (checked by the engines, asked again up to `maxRetries` times), then finish or cancel. In the
 * sandbox, the provider page picks the outcome instead. Every method acts on the caller's own process
 * only; the client-facing services do the work as that process's client.
 */
export class CaptureStepService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly engines: CaptureCheckEngines,
    private readonly verification: VerificationService,
    private readonly sandbox: SandboxService,
  ) {}

  async view(grant: SessionGrant): Promise<SessionView> {
    let loaded = await this.load(grant.caller);
    let images = await this.deps.store.repos.images.list(owner(loaded.process));
    if (await this.promptWhenReached(loaded, new Set(images.map((image) => image.depiction)))) {
      loaded = await this.load(grant.caller);
      images = await this.deps.store.repos.images.list(owner(loaded.process));
    }
    const { flow, process, definition } = loaded;
    const now = this.deps.clock.now();
    const { handover } = flow;
    const handoverExpired = handover.status === 'waiting' && handover.expiresAt !== null && now >= handover.expiresAt;
    return sessionView({
      processId: process.id,
      dossierId: process.dossierId,
      provider: { value: process.provider, title: definition.title },
      processType: process.processType,
      status: process.status,
      kind: flow.kind,
      environment: grant.caller.environment,
      device: grant.caller.device,
      csrfToken: grant.csrfToken,
      expiresAt: toIsoSeconds(grant.expiresAt),
      redirectUrl: flow.endedAs === null ? null : redirectOf(flow, flow.endedAs),
      settings: flow.settings,
      documentNeeded: loaded.plan.document !== 'none',
      selected: documentOf(loaded),
      options: loaded.options,
      steps: this.stepsOf(loaded),
      kept: new Set(images.map((image) => image.depiction)),
      attempts: flow.attempts,
      selfieVideo: loaded.plan.selfieVideo ? { state: flow.selfieVideo } : null,
      handover: {
        status: handoverExpired ? 'expired' : handover.status,
        expiresAt: handover.expiresAt === null ? null : toIsoSeconds(handover.expiresAt),
      },
      scenarios:
        flow.kind === 'provider' && grant.caller.environment === 'sandbox'
          ? definition.scenarios
              .filter((scenario) => !scenario.processTypes || scenario.processTypes.includes(process.processType ?? ''))
              .map(({ id, description }) => ({ id, description }))
          : null,
    });
  }

  async chooseDocument(
    grant: SessionGrant,
    choice: { documentType: string; documentCountry: string },
  ): Promise<SessionView> {
    const loaded = await this.load(grant.caller);
    const { process, definition, plan, options, flow } = loaded;
    this.requireUnderWay(loaded);
    if (plan.document === 'none') throw notExpected(`${definition.title} processes take no document choice.`);
    const country = choice.documentCountry.toUpperCase();
    const offered = options.some(
      (o) => o.documentType === choice.documentType && o.countries.some((c) => c.iso3 === country),
    );
    if (!offered) {
      throw new AppError(
        'validation_failed',
        `${choice.documentType} from ${choice.documentCountry} is not one of the documents this flow offers.`,
      );
    }
    const document =
      plan.document === 'catalogueId'
        ? {
            documentType: null,
            documentCountry: null,
            documentId: catalogueIdOf(definition, choice.documentType, country),
          }
        : { documentType: choice.documentType, documentCountry: country, documentId: process.documentId };
    const problems = definition.validateCreate(
      { provider: definition.name, documentType: choice.documentType, documentCountry: country, ...process.options },
      process.processType ?? undefined,
    );
    if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '));
    const now = this.deps.clock.now();
    const before = documentOf(loaded);
    const changed = before?.documentType !== choice.documentType || before?.documentCountry !== country;
    const replaced = await this.deps.store.transaction(async (tx) => {
      if (!(await tx.processes.setDocumentIfPending(process.id, document, now))) {
        throw notExpected('The verification has started; the document can no longer change.');
      }
      // Images of another document would be verified against the wrong one: the new choice starts over.
      if (!changed) return [];
      await tx.captureFlows.setAttempts(flow.processId, {}, now);
      // The video goes with the other images; the prompt stays (the same one is asked again).
      if (flow.selfieVideo?.video) {
        await tx.captureFlows.setSelfieVideo(flow.processId, { ...flow.selfieVideo, video: null }, now);
      }
      return tx.images.deleteOwner(owner(process));
    });
    await this.deleteBlobs(replaced);
    return this.view(grant);
  }

  async upload(
    grant: SessionGrant,
    step: ImageStep,
    bytes: Buffer,
    source: 'camera' | 'upload',
  ): Promise<UploadResult> {
    const loaded = await this.load(grant.caller);
    const { flow, process } = loaded;
    this.requireUnderWay(loaded);
    const steps = this.stepsOf(loaded);
    // The selfie video step's still frame comes as a selfie, and is checked like one.
    const expected = steps.includes(step) || (step === 'selfie' && steps.includes('selfieVideo'));
    if (!expected) throw notExpected(`This flow does not take a ${step} image${steps.length === 0 ? ' yet' : ''}.`);
    const prepared = await prepareImageBytes(step, bytes);
    const selected = documentOf(loaded);
    const problems = await captureProblems(this.engines, prepared.bytes, step, {
      mrzSide: selected ? mrzSideOf(selected.documentType) : undefined,
      glare: source === 'camera' ? flow.settings.detectGlare.takePhoto : flow.settings.detectGlare.uploadPhoto,
    });
    const used = flow.attempts[step] ?? 0;
    const { maxRetries } = flow.settings;
    const now = this.deps.clock.now();
    // Refused while asking again is still allowed; after that the image is taken as it is.
    if (problems.length > 0 && used < maxRetries) {
      await this.deps.store.repos.captureFlows.setAttempts(flow.processId, { ...flow.attempts, [step]: used + 1 }, now);
      return {
        accepted: false,
        problems: problems.map((code) => ({ code })),
        attemptsLeft: maxRetries - used - 1,
        session: await this.view(grant),
      };
    }
    await storeImages(this.deps.blobs, this.deps.logger, { dossierId: flow.dossierId }, [prepared], now, (stored) =>
      this.deps.store.transaction(async (tx) => {
        if (!(await tx.processes.touchIfPending(process.id, now))) {
          throw notExpected('The verification has started; its images can no longer change.');
        }
        return tx.images.put(owner(process), stored);
      }),
    );
    return {
      accepted: true,
      problems: problems.map((code) => ({ code })),
      attemptsLeft: Math.max(0, maxRetries - used),
      session: await this.view(grant),
    };
  }

  /** The end-user is done: the verification starts (as Start verification), and where to go back to. */
  async finish(grant: SessionGrant): Promise<{ redirectUrl: string }> {
    const loaded = await this.load(grant.caller);
    const { flow, process } = loaded;
    if (flow.kind !== 'app') throw notExpected("This flow finishes in the provider's own app.");
    this.requireUnderWay(loaded);
    const images = await this.deps.store.repos.images.list(owner(process));
    const kept = new Set<string>(images.map((image) => image.depiction));
    const steps = this.stepsOf(loaded);
    const missing = steps
      .flatMap((step) => (step === 'selfieVideo' ? ['selfie', 'video'] : [step]))
      .filter((depiction) => !kept.has(depiction));
    if (steps.length === 0 || missing.length > 0) {
      throw new AppError(
        'capture_incomplete',
        steps.length === 0 ? 'Choose the document first.' : `The ${missing.join(' and ')} image is still missing.`,
      );
    }
    // The end-user's part is done here, as the provider's own app would have done it.
    await this.verification.start(clientOf(grant.caller), process.dossierId, process.id, {}, undefined, 'captureFlow');
    return this.end(flow, 'processing');
  }

  async cancel(grant: SessionGrant): Promise<{ redirectUrl: string }> {
    const loaded = await this.load(grant.caller);
    this.requireUnderWay(loaded);
    const { process } = loaded;
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const current = await tx.processes.findById(process.id);
      if (!current || current.status !== 'pending')
        throw notExpected('The verification has started; it cannot be canceled here.');
      await this.deps.statusChanges.change(tx, current, 'canceled', now, {
        failReason: { type: 'UserCanceled', message: 'The end-user canceled the capture.' },
      });
    });
    return this.end(loaded.flow, 'canceled');
  }

  /** Sandbox provider page: the tester picks the outcome the provider's own app would have produced. */
  async sandboxOutcome(grant: SessionGrant, scenarioId: string): Promise<{ redirectUrl: string }> {
    const loaded = await this.load(grant.caller);
    if (loaded.flow.kind !== 'provider' || grant.caller.environment !== 'sandbox') {
      throw notExpected('Outcomes are picked on the sandbox provider page only.');
    }
    this.requireUnderWay(loaded);
    await this.sandbox.playEndUserPart(clientOf(grant.caller), loaded.process, scenarioId);
    return this.end(loaded.flow, 'processing');
  }

  /** Loads the caller's flow and process; a deleted process ends the session (401). */
  async load(caller: EndUserCaller): Promise<Loaded> {
    const { repos } = this.deps.store;
    const [flow, process] = await Promise.all([
      repos.captureFlows.find(caller.processId),
      repos.processes.find(caller.clientId, caller.dossierId, caller.processId),
    ]);
    if (!flow || !process) throw new AppError('capture_no_session', 'This verification no longer exists.');
    const definition = providerOf(process.provider);
    const rule = definition.capture;
    if (!rule) throw new Error(`${definition.name} has a capture flow but no capture rule`);
    const plan = capturePlan(definition, rule, flow.kind, process.processType);
    const options =
      plan.document === 'none'
        ? []
        : documentOptions(plan.documents?.entries() ?? [], flow.settings, (code) => findCountry(code)?.alpha2);
    return { caller, flow, process, definition, plan, options };
  }

  stepsOf(loaded: Loaded): Step[] {
    return captureSteps(documentOf(loaded), loaded.flow.settings, {
      document: loaded.plan.document !== 'none',
      selfie: loaded.plan.selfie,
      selfieVideo: loaded.plan.selfieVideo,
    });
  }

  /**
   * The selfie video's prompt is drawn when the end-user reaches that step (every step before it
   * done), not earlier: it is stored then, so the reviewer later sees what was asked.
   */
  private async promptWhenReached(loaded: Loaded, kept: ReadonlySet<string>): Promise<boolean> {
    if (!loaded.plan.selfieVideo || loaded.flow.selfieVideo !== null) return false;
    if (loaded.flow.endedAs !== null || loaded.process.status !== 'pending') return false;
    const steps = this.stepsOf(loaded);
    const before = steps.slice(0, steps.indexOf('selfieVideo'));
    if (!steps.includes('selfieVideo') || !before.every((step) => kept.has(step))) return false;
    const now = this.deps.clock.now();
    await this.deps.store.repos.captureFlows.startSelfieVideo(
      loaded.flow.processId,
      { prompt: drawSelfieVideoPrompt(), promptedAt: now, video: null },
      now,
    );
    return true;
  }

  requireUnderWay({ flow, process }: Loaded): void {
    if (flow.endedAs !== null || process.status !== 'pending') {
      throw notExpected('This capture has ended; there is nothing more to do here.');
    }
  }

  private async end(flow: CaptureFlowRecord, endedAs: 'processing' | 'canceled'): Promise<{ redirectUrl: string }> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      await tx.captureFlows.end(flow.processId, endedAs, now);
      // A desktop that handed over follows the phone: it sees the flow finished and goes back too.
      if (flow.handover.status !== 'none') {
        await tx.captureFlows.setHandover(flow.processId, { ...flow.handover, status: 'finished' }, now);
      }
    });
    return { redirectUrl: redirectOf(flow, endedAs) };
  }

  private async deleteBlobs(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.deps.blobs.delete(key).catch((error: unknown) => {
          this.deps.logger.error({ err: error, blobKey: key }, 'could not delete a replaced capture image');
        }),
      ),
    );
  }
}

export const owner = (process: ProcessRecord) => ({
  kind: 'process' as const,
  id: process.id,
  clientId: process.clientId,
});

const clientOf = (caller: EndUserCaller): ClientCaller => ({
  kind: 'client',
  clientId: caller.clientId,
  environment: caller.environment,
});

const redirectOf = (flow: CaptureFlowRecord, status: 'processing' | 'canceled') =>
  redirectWithOutcome(flow.redirectUrl, { dossierId: flow.dossierId, processId: flow.processId, status });

/** The document chosen so far, as type and alpha-3 country (from the catalogue id for PictureID). */
function documentOf({ process, definition, plan }: Loaded): { documentType: string; documentCountry: string } | null {
  if (plan.document === 'catalogueId') {
    const entry = definition.documents?.entries().find((e) => e.id === process.documentId);
    return entry ? { documentType: entry.type, documentCountry: entry.country } : null;
  }
  if (process.documentType === null || process.documentCountry === null) return null;
  const country =
    process.documentCountry === anyIcaoPassport
      ? anyIcaoPassport
      : (findCountry(process.documentCountry)?.alpha3 ?? process.documentCountry);
  return { documentType: process.documentType, documentCountry: country };
}

function catalogueIdOf(definition: ProviderDefinition, type: string, country: string): number {
  const entry = definition.documents?.entries().find((e) => e.type === type && e.country === country);
  if (!entry) throw new AppError('validation_failed', `${type} from ${country} is not in ${definition.title}'s list.`);
  return entry.id;
}
