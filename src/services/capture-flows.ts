import {
  checkCaptureRequest,
  type CaptureProviderRequest,
  type RawCaptureRequest,
} from '../capture/capture-request.js';
import { resolveSettings } from '../capture/settings.js';
import { hashCaptureToken, newCaptureToken } from '../capture/tokens.js';
import type { ClientCaller } from '../core/domain.js';
import { AppError } from '../core/errors.js';
import { resolveProvider } from '../providers/registry.js';
import type { CaptureRule, ProviderDefinition } from '../providers/types.js';
import type { CaptureFlowRecord } from '../store/repositories/capture-flows.js';
import { isLiveVideoCapture } from './capture-plan.js';
import type { ServiceDeps } from './context.js';
import type { ProcessService } from './processes.js';

const invalid = (detail: string) => new AppError('validation_failed', detail);

/** Start capture flow: a process made to be captured by the end-user, and the link to send them to. */
export class CaptureFlowService {
  constructor(
    private readonly deps: ServiceDeps & { linkMinutes: number },
    private readonly processes: ProcessService,
  ) {}

  async start(
    caller: ClientCaller,
    dossierId: string,
    body: RawCaptureRequest,
    sandboxScenario: string | undefined,
  ): Promise<{ url: string; processId: string }> {
    const checked = checkCaptureRequest(body);
    if (!checked.ok) throw invalid(checked.problems.join(' '));
    const { request } = checked;
    const documentStep = resolveProvider(request.provider.provider)?.definition.capture?.document ?? 'none';
    const configuration =
      request.uiProfile === undefined
        ? undefined
        : await this.deps.store.repos.captureConfigurations.find(caller.clientId, request.uiProfile);
    if (request.uiProfile !== undefined && !configuration) {
      throw invalid(
        `captureParameters.uiProfile '${request.uiProfile}' is not one of this client's capture configurations.`,
      );
    }
    const { process, definition } = await this.processes.prepare(
      caller,
      dossierId,
      {
        provider: request.provider.provider,
        ...(request.provider.processType !== undefined && { processType: request.provider.processType }),
        ...(request.provider.redact !== undefined && { redact: request.provider.redact }),
        ...(request.provider.documentId !== undefined && { documentId: request.provider.documentId }),
        ...processParametersOf(request.provider),
        ...(request.eventTags !== undefined && { eventTags: request.eventTags }),
      },
      sandboxScenario,
      { documentChosenLater: documentStep !== 'none' },
    );
    const rule = captureRuleOf(definition);
    const kind = flowKind(caller, definition, rule, request.sdk, process.processType);
    const settings = resolveSettings(
      configuration?.configuration,
      request.uiProfileJSON,
      {
        ...(request.uiLanguage !== undefined && { uiLanguage: request.uiLanguage }),
        ...(request.defaultCountry !== undefined && { defaultCountry: request.defaultCountry }),
        ...(request.smsSender !== undefined && { smsSender: request.smsSender }),
        ...(request.smsMessage !== undefined && { smsMessage: request.smsMessage }),
      },
      { usesPictureIdBlock: rule.ownConfigurationBlock === true },
    );
    const now = this.deps.clock.now();
    const flow: CaptureFlowRecord = {
      processId: process.id,
      clientId: caller.clientId,
      dossierId,
      kind,
      settings,
      redirectUrl: request.redirectUrl,
      requestDomain: request.requestDomain ?? null,
      attempts: {},
      handover: { status: 'none', expiresAt: null },
      endedAs: null,
      selfieVideo: null,
      createdAt: now,
      updatedAt: now,
    };
    const token = newCaptureToken();
    await this.deps.store.transaction(async (tx) => {
      await this.processes.insert(tx, caller, process);
      await tx.captureFlows.insert(flow);
      await tx.captureLinks.insertLink({
        tokenHash: hashCaptureToken(token),
        processId: process.id,
        device: 'primary',
        createdAt: now,
        expiresAt: now + this.deps.linkMinutes * 60_000,
      });
    });
    return { url: captureUrl(this.deps.publicUrl, token), processId: process.id };
  }
}

/** The link the end-user opens: the token rides in the fragment, which browsers never send to servers. */
export const captureUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/assure/capture/#/artifact=${token}`;

function captureRuleOf(definition: ProviderDefinition): CaptureRule {
  if (!definition.capture) {
    throw invalid(
      `${definition.title} processes cannot be started through the capture flow: the provider's own SDK captures ` +
        'what their verification needs. Create the process and start its verification instead.',
    );
  }
  return definition.capture;
}

/** Which flow the request leads to, or why it cannot run for this client. */
function flowKind(
  caller: ClientCaller,
  definition: ProviderDefinition,
  rule: CaptureRule,
  sdk: 'native' | 'capture',
  processType: string | null,
): 'app' | 'provider' {
  // A live video identification is captured here, whichever sdk names it: the provider's own app is
  // not run, and its result is decided by a person (docs/capture.md).
  if (caller.environment === 'live' && isLiveVideoCapture(rule, processType)) return 'app';
  const kind = rule.sdks[sdk];
  if (!kind) {
    const offered = Object.keys(rule.sdks).join(' or ');
    throw invalid(`${definition.title} has no '${sdk}' SDK in the capture flow; use sdk ${offered}.`);
  }
  if (kind === 'app' && processType !== null && rule.appProcessTypes && !rule.appProcessTypes.includes(processType)) {
    throw invalid(
      `${definition.title} ${processType} processes cannot be captured with sdk '${sdk}'; ` +
        `it captures ${rule.appProcessTypes.join(' and ')} processes.`,
    );
  }
  if (caller.environment === 'live' && (kind === 'provider' || !definition.engineBackend)) {
    throw invalid(
      `${definition.title} processes cannot be captured live yet: their verification needs the provider's own app, ` +
        'which this server does not run. Sandbox clients can try the flow.' +
        (rule.live ? ` Its ${rule.live.processTypes.join(' and ')} processes can be captured live.` : ''),
    );
  }
  return kind;
}

/** The provider block's process parameters (Create process takes them under `processParameters`). */
function processParametersOf(block: CaptureProviderRequest): { processParameters?: Record<string, unknown> } {
  const { provider: _provider, processType: _type, redact: _redact, documentId: _documentId, ...parameters } = block;
  return Object.keys(parameters).length === 0 ? {} : { processParameters: parameters };
}
