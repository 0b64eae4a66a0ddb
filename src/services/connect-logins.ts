import { redirectWithOutcome } from '../capture/capture-request.js';
import { hashSecret } from '../connect/authorization-secrets.js';
import { ConnectError } from '../connect/errors.js';
import type { RelyingParty } from '../connect/relying-party.js';
import type { Json, Outcome, ProcessRecord } from '../core/domain.js';
import { AppError, notFound } from '../core/errors.js';
import { providerOf } from '../providers/registry.js';
import type { LoginResult } from '../providers/types.js';
import type { CaptureFlowRecord } from '../store/repositories/capture-flows.js';
import type { ConnectAuthorizationRecord } from '../store/repositories/connect-authorizations.js';
import { connectUrls, type ConnectClientKeys } from './connect-client-keys.js';
import type { ConnectMethodService } from './connect-methods.js';
import type { CaptureSessionService } from './capture-sessions.js';
import type { ServiceDeps } from './context.js';

/** How long a login may stay at the issuer before its callback is refused. */
const authorizationMinutes = 10;

export interface CallbackQuery {
  state?: string | undefined;
  code?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

/** How the login ended, before it is written: a login result for the provider's mapping, or a failure. */
type Ending = { result: LoginResult } | { failReason: Json };

/**
 * Live Connect logins: the capture link of a `connect:<method>` process sends the end-user to the
 * method's issuer, and the issuer's callback ends the process. The callback writes everything (the
 * login used, the raw result, the status changes with their notifications, the flow's end) in one
 * transaction, or nothing.
 */
export class ConnectLoginService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly relyingParty: RelyingParty,
    private readonly methods: ConnectMethodService,
    private readonly clientKeys: ConnectClientKeys,
    private readonly sessions: CaptureSessionService,
  ) {}

  /** From the capture session's browser: the issuer's authorization URL, and the value binding this browser. */
  async begin(sessionToken: string | undefined): Promise<{ url: string; browserBinding: string }> {
    const { store, clock, sealer } = this.deps;
    const { caller } = await this.sessions.authenticate(sessionToken);
    const flow = await store.repos.captureFlows.find(caller.processId);
    const process = await store.repos.processes.findById(caller.processId);
    if (!flow || !process) throw notFound('Process');
    if (flow.endedAs !== null || process.status !== 'pending') throw processFinished();
    const liveLogin = providerOf(process.provider).liveLogin;
    const methodName = liveLogin?.methodOf(process.provider);
    if (caller.environment !== 'live' || flow.kind !== 'provider' || methodName === undefined) {
      throw new AppError('capture_not_expected', 'This capture does not log in at an identity provider.');
    }
    const method = await this.methods.load(process.clientId, methodName);
    const started = await this.relyingParty
      .start(method, connectUrls(this.deps.publicUrl).redirectUri)
      .catch((error: unknown) => {
        if (!(error instanceof ConnectError)) throw error;
        // Nothing is written: the end-user can try again (reload) once the issuer is back.
        this.deps.logger.warn(
          { processId: process.id, failure: error.failure, reason: error.message },
          'a Connect login could not start',
        );
        throw new AppError(
          'unavailable',
          'The identity provider cannot be reached right now; please try again in a moment.',
        );
      });
    const now = clock.now();
    const { secrets } = started;
    await store.repos.connectAuthorizations.insert({
      stateHash: hashSecret(secrets.state),
      processId: process.id,
      clientId: process.clientId,
      method: methodName,
      secretsSealed: sealer.sealText(JSON.stringify({ nonce: secrets.nonce, codeVerifier: secrets.codeVerifier })),
      browserHash: hashSecret(secrets.browserBinding),
      createdAt: now,
      expiresAt: now + authorizationMinutes * 60_000,
    });
    return { url: started.url, browserBinding: secrets.browserBinding };
  }

  /** The issuer sent the browser back: ends the process, and says where the browser goes next. */
  async callback(query: CallbackQuery, browserBinding: string | undefined): Promise<{ redirectUrl: string }> {
    const { store, clock } = this.deps;
    if (!query.state) throw invalidCallback('The login came back without its state.');
    const authorization = await store.repos.connectAuthorizations.find(hashSecret(query.state));
    if (!authorization) throw invalidCallback('This login is not known here.');
    if (authorization.usedAt !== null) throw usedCallback();
    // Another browser bringing this state (a login CSRF, a forwarded link) must not end the process.
    if (browserBinding === undefined || hashSecret(browserBinding) !== authorization.browserHash) {
      throw invalidCallback('This login came back to another browser than the one it started in.');
    }
    const flow = await store.repos.captureFlows.find(authorization.processId);
    const process = await store.repos.processes.findById(authorization.processId);
    if (!flow || !process) throw invalidCallback('The process of this login no longer exists.');
    if (flow.endedAs !== null || process.status !== 'pending') throw processFinished();
    if (clock.now() >= authorization.expiresAt) {
      throw new AppError(
        'connect_login_expired',
        'This login took too long; open the capture page again to start a new one.',
      );
    }
    const ending = await this.ending(authorization, query);
    const outcome = this.outcomeOf(process, ending);
    return this.write(authorization, flow, process, outcome);
  }

  private async ending(authorization: ConnectAuthorizationRecord, query: CallbackQuery): Promise<Ending> {
    if (query.error !== undefined) {
      return {
        result: {
          kind: 'error',
          error: query.error,
          ...(query.error_description !== undefined && { description: query.error_description }),
          // RFC 6749 §4.1.2.1: the resource owner denied the request, which is the end-user's own cancel.
          endUserCanceled: query.error === 'access_denied',
        },
      };
    }
    if (!query.code) throw invalidCallback('The login came back with neither a code nor an error.');
    const secrets = JSON.parse(this.deps.sealer.openText(authorization.secretsSealed)) as {
      nonce: string;
      codeVerifier: string;
    };
    try {
      const method = await this.methods.load(authorization.clientId, authorization.method);
      const { keys } = await this.clientKeys.of(authorization.clientId);
      const tokens = await this.relyingParty.finish(method, keys, {
        code: query.code,
        codeVerifier: secrets.codeVerifier,
        nonce: secrets.nonce,
        redirectUri: connectUrls(this.deps.publicUrl).redirectUri,
      });
      return { result: { kind: 'tokens', idToken: tokens.idToken, userInfo: tokens.userInfo } };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        return {
          failReason: { error: 'server_error', errorDescription: 'The Connect method was deleted during the login.' },
        };
      }
      if (!(error instanceof ConnectError)) throw error;
      this.deps.logger.warn(
        { processId: authorization.processId, failure: error.failure, reason: error.message },
        'a Connect login was not accepted',
      );
      switch (error.failure) {
        case 'invalid_id_token':
        case 'invalid_userinfo':
          return {
            result: { kind: 'error', error: error.failure, description: error.message, endUserCanceled: false },
          };
        case 'token_error':
          return {
            result: {
              kind: 'error',
              error: error.oauthError?.error ?? 'invalid_grant',
              ...(error.oauthError?.error_description !== undefined && {
                description: error.oauthError.error_description,
              }),
              endUserCanceled: false,
            },
          };
        case 'unavailable':
          return { failReason: { error: 'temporarily_unavailable', errorDescription: error.message } };
        case 'invalid_issuer':
          return { failReason: { error: 'server_error', errorDescription: error.message } };
      }
    }
  }

  private outcomeOf(process: ProcessRecord, ending: Ending): { outcome: Outcome; raw?: unknown } {
    if ('failReason' in ending) return { outcome: { status: 'failed', failReason: ending.failReason } };
    const definition = providerOf(process.provider);
    const raw = definition.liveLogin!.rawOf(ending.result);
    return {
      outcome: definition.mapResult(raw, { processType: process.processType, today: this.deps.clock.today() }),
      raw,
    };
  }

  private async write(
    authorization: ConnectAuthorizationRecord,
    flow: CaptureFlowRecord,
    process: ProcessRecord,
    { outcome, raw }: { outcome: Outcome; raw?: unknown },
  ): Promise<{ redirectUrl: string }> {
    const { store, blobs, clock, statusChanges } = this.deps;
    const rawResultKey =
      raw === undefined
        ? undefined
        : await blobs.put(Buffer.from(JSON.stringify(raw)), { dossierId: process.dossierId });
    const now = clock.now();
    try {
      await store.transaction(async (tx) => {
        if (!(await tx.connectAuthorizations.use(authorization.stateHash, now))) throw usedCallback();
        const current = await tx.processes.findById(process.id);
        if (!current || current.status !== 'pending') throw processFinished();
        await tx.processes.markEndUserDone(process.id, now);
        const processing = await statusChanges.change(tx, current, 'processing', now, { startedAt: now });
        await statusChanges.change(tx, processing, outcome.status, now, {
          outcome: {
            ...(outcome.providerSpecific !== undefined && { providerSpecific: outcome.providerSpecific }),
            ...(outcome.finalResult !== undefined && { finalResult: outcome.finalResult }),
          },
          ...(outcome.failReason !== undefined && { failReason: outcome.failReason }),
          ...(rawResultKey !== undefined && { rawResultKey }),
        });
        await tx.captureFlows.end(process.id, outcome.status === 'canceled' ? 'canceled' : 'processing', now);
      });
    } catch (error) {
      if (rawResultKey !== undefined) await blobs.delete(rawResultKey).catch(() => undefined);
      throw error;
    }
    this.deps.logger.info({ processId: process.id, status: outcome.status }, 'a Connect login ended');
    return {
      redirectUrl: redirectWithOutcome(flow.redirectUrl, {
        dossierId: flow.dossierId,
        processId: flow.processId,
        status: outcome.status,
      }),
    };
  }
}

const invalidCallback = (detail: string) => new AppError('connect_callback_invalid', detail);
const usedCallback = () =>
  new AppError('connect_callback_used', 'This login has already come back once; it cannot be used again.');
const processFinished = () =>
  new AppError('capture_process_finished', 'This verification has already ended; there is nothing more to do here.');
