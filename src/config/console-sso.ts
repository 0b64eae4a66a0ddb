import type { EnvReader } from './env-reader.js';

/** Operators' single sign-on to the console at an OpenID Provider (docs/connect.md). */
export interface ConsoleSsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim (ID token or userinfo) whose value names the operator's role: admin, reviewer or viewer. */
  roleClaim: string;
  scopes: string[];
}

const names = [
  'OPENASSURE_CONSOLE_OIDC_ISSUER',
  'OPENASSURE_CONSOLE_OIDC_CLIENT_ID',
  'OPENASSURE_CONSOLE_OIDC_CLIENT_SECRET',
];

/** Undefined when single sign-on is not set up (local passwords only); all three settings or none. */
export function readConsoleSso(read: EnvReader): ConsoleSsoConfig | undefined {
  const [issuer, clientId, clientSecret] = names.map((name) => read.string(name));
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    read.fail(`Console single sign-on needs all of ${names.join(', ')}.`);
    return undefined;
  }
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    roleClaim: read.string('OPENASSURE_CONSOLE_OIDC_ROLE_CLAIM') ?? 'roles',
    scopes: (read.string('OPENASSURE_CONSOLE_OIDC_SCOPES') ?? 'email profile').split(/\s+/).filter(Boolean),
  };
}
