import { ConnectError } from '../connect/errors.js';
import { methodProblems, type ConnectMethod } from '../connect/method.js';
import type { RelyingParty } from '../connect/relying-party.js';
import type { UserInfoFormat } from '../connect/user-info.js';
import type { ClientCaller } from '../core/domain.js';
import { AppError, notFound } from '../core/errors.js';
import { liveLoginProvider } from '../providers/registry.js';
import type { ConnectMethodRecord } from '../store/repositories/connect-methods.js';
import { connectUrls, type ConnectClientKeys } from './connect-client-keys.js';
import type { ServiceDeps } from './context.js';

export interface ConnectMethodBody {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  privateKeyJwt?: boolean;
  scopes: string[];
  acrValues?: string;
  prompt?: string;
  userInfo: UserInfoFormat;
}

/** A method as the API shows it: never the secret, and the URLs to register at the issuer. */
export interface ConnectMethodView {
  method: string;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  privateKeyJwt: boolean;
  scopes: string[];
  acrValues?: string;
  prompt?: string;
  userInfo: UserInfoFormat;
  redirectUri: string;
  jwksUri: string;
  createdAt: number;
  updatedAt: number;
}

type StoredSettings = Omit<ConnectMethod, 'clientSecret'>;

/** The client's eID methods for live Connect (an OpenAssure extension): put, get, list, delete. */
export class ConnectMethodService {
  constructor(
    private readonly deps: ServiceDeps & { allowPlainHttp: boolean },
    private readonly relyingParty: RelyingParty,
    private readonly clientKeys: ConnectClientKeys,
  ) {}

  /** Creates or replaces a method, after reading the issuer's discovery document (which is then cached). */
  async put(
    caller: ClientCaller,
    name: string,
    body: ConnectMethodBody,
  ): Promise<{ view: ConnectMethodView; created: boolean }> {
    checkName(name);
    const method: ConnectMethod = {
      issuer: body.issuer,
      clientId: body.clientId,
      clientSecret: body.clientSecret,
      privateKeyJwt: body.privateKeyJwt ?? false,
      scopes: body.scopes,
      acrValues: body.acrValues,
      prompt: body.prompt,
      userInfo: body.userInfo,
    };
    const problems = methodProblems(method, { allowPlainHttp: this.deps.allowPlainHttp });
    if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '));
    try {
      await this.relyingParty.checkIssuer(method);
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      throw new AppError('validation_failed', `The issuer cannot be used: ${error.message}`);
    }
    const { clientSecret: _secret, ...settings } = method;
    const existed = await this.deps.store.repos.connectMethods.find(caller.clientId, name);
    const record = await this.deps.store.repos.connectMethods.upsert(
      {
        clientId: caller.clientId,
        method: name,
        settings: settings satisfies StoredSettings,
        clientSecretSealed: method.clientSecret === undefined ? null : this.deps.sealer.sealText(method.clientSecret),
      },
      this.deps.clock.now(),
    );
    return { view: await this.view(record), created: existed === undefined };
  }

  async get(caller: ClientCaller, name: string): Promise<ConnectMethodView> {
    return this.view(await this.record(caller.clientId, name));
  }

  async list(caller: ClientCaller): Promise<ConnectMethodView[]> {
    const records = await this.deps.store.repos.connectMethods.list(caller.clientId);
    return Promise.all(records.map((record) => this.view(record)));
  }

  async delete(caller: ClientCaller, name: string): Promise<void> {
    if (!(await this.deps.store.repos.connectMethods.delete(caller.clientId, name))) throw notFound('Connect method');
  }

  /** A method with its secret opened, for a login. */
  async load(clientId: string, name: string): Promise<ConnectMethod> {
    const record = await this.record(clientId, name);
    const settings = record.settings as unknown as StoredSettings;
    return {
      ...settings,
      clientSecret:
        record.clientSecretSealed === null ? undefined : this.deps.sealer.openText(record.clientSecretSealed),
    };
  }

  private async record(clientId: string, name: string): Promise<ConnectMethodRecord> {
    const record = await this.deps.store.repos.connectMethods.find(clientId, name);
    if (!record) throw notFound('Connect method');
    return record;
  }

  private async view(record: ConnectMethodRecord): Promise<ConnectMethodView> {
    const settings = record.settings as unknown as StoredSettings;
    const urls = connectUrls(this.deps.publicUrl);
    const { keySetId } = await this.clientKeys.of(record.clientId);
    return {
      method: record.method,
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecretSet: record.clientSecretSealed !== null,
      privateKeyJwt: settings.privateKeyJwt,
      scopes: settings.scopes,
      ...(settings.acrValues !== undefined && { acrValues: settings.acrValues }),
      ...(settings.prompt !== undefined && { prompt: settings.prompt }),
      userInfo: settings.userInfo,
      redirectUri: urls.redirectUri,
      jwksUri: urls.jwksUri(keySetId),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}

function checkName(name: string): void {
  const { liveLogin } = liveLoginProvider();
  if (liveLogin.methodOf(liveLogin.valueOf(name)) !== name) {
    throw new AppError(
      'validation_failed',
      'The method name must be 1 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    );
  }
}
