import type { Migration } from 'kysely';
import { initial } from './0001-initial.js';
import { verification } from './0002-verification.js';
import { engines } from './0003-engines.js';
import { matching } from './0004-matching.js';
import { endUserDone } from './0005-end-user-done.js';
import { capture } from './0006-capture.js';
import { captureVideo } from './0007-capture-video.js';
import { consoleTables } from './0007-console.js';
import { chip } from './0009-chip.js';
import { connect } from './0010-connect.js';
import { idempotencyRateLimits } from './0011-idempotency-rate-limits.js';
import { dossierKeys } from './0012-dossier-keys.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-verification': verification,
  '0003-engines': engines,
  '0004-matching': matching,
  '0005-end-user-done': endUserDone,
  '0006-capture': capture,
  '0007-capture-video': captureVideo,
  '0007-console': consoleTables,
  '0009-chip': chip,
  '0010-connect': connect,
  '0011-idempotency-rate-limits': idempotencyRateLimits,
  '0012-dossier-keys': dossierKeys,
};
