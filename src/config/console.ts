import { fileURLToPath } from 'node:url';
import type { EnvReader } from './env-reader.js';

export interface ConsoleConfig {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, used or not. */
  sessionHours: number;
  /** Whether admins must use TOTP (always in production mode). */
  adminTotpRequired: boolean;
  /** The console app's built files (`web/console/dist`). */
  appDir: string;
  /** Whether operators may sign in with email and password; off leaves single sign-on the only way in. */
  localPasswords: boolean;
}

const builtApp = fileURLToPath(new URL('../../web/console/dist', import.meta.url));

export function readConsole(read: EnvReader, mode: 'local' | 'production', ssoConfigured: boolean): ConsoleConfig {
  const adminTotpRequired = read.boolean('OPENASSURE_CONSOLE_ADMIN_TOTP', mode === 'production');
  if (!adminTotpRequired && mode === 'production') {
    read.fail('OPENASSURE_CONSOLE_ADMIN_TOTP cannot be turned off in production mode.');
  }
  const localPasswords = read.boolean('OPENASSURE_CONSOLE_LOCAL_PASSWORDS', true);
  if (!localPasswords && !ssoConfigured) {
    // Nobody could sign in at all.
    read.fail('OPENASSURE_CONSOLE_LOCAL_PASSWORDS=false needs console single sign-on (OPENASSURE_CONSOLE_OIDC_*).');
  }
  return {
    idleMinutes: read.integer('OPENASSURE_CONSOLE_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionHours: read.integer('OPENASSURE_CONSOLE_SESSION_HOURS', 12, 1, 7 * 24),
    adminTotpRequired,
    appDir: read.string('OPENASSURE_CONSOLE_APP_DIR') ?? builtApp,
    localPasswords,
  };
}
