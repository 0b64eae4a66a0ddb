import { parseArgs } from 'node:util';
import { openStore } from '../app.js';
import { KeyRing } from '../auth/key-ring.js';
import { loadMasterKey } from '../blobs/master-key.js';
import type { Config } from '../config/config.js';
import { systemClock, toIsoSeconds } from '../core/time.js';
import { Sealer } from '../crypto/sealer.js';
import { UsageError } from './usage.js';

/**
 * `keys rotate|list`: the token signing keys. Rotating while the servers run is safe: they pick the new
 * key up within 30 s, and the old one keeps verifying (and stays in the JWKS) until its tokens expire.
 */
export async function keysCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'rotate' && action !== 'list') throw new UsageError('keys needs one of: rotate, list.');
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
  const store = await openStore(config);
  try {
    const ring = new KeyRing(
      store,
      new Sealer(loadMasterKey(config.blobs.masterKey, config.dataDir)),
      () => systemClock.now(),
      {
        tokenTtlSeconds: config.auth.tokenTtlSeconds,
      },
    );
    await ring.init();
    if (action === 'rotate') {
      const kid = await ring.rotate();
      if (values.json) console.log(JSON.stringify({ rotated: kid !== undefined, signingKid: ring.signingKey().kid }));
      else if (kid) console.log(`Rotated: ${kid} signs from now on (every node within 30 s).`);
      else console.log(`Another node rotated at the same moment; ${ring.signingKey().kid} signs.`);
      return;
    }
    const signing = ring.signingKey().kid;
    for (const key of ring.list()) {
      const row = {
        kid: key.kid,
        createdAt: toIsoSeconds(key.createdAt),
        signing: key.kid === signing,
        verifiesUntil: key.retiredAt === null ? null : toIsoSeconds(key.retiredAt),
      };
      if (values.json) console.log(JSON.stringify(row));
      else
        console.log(`${row.kid}\t${row.createdAt}\t${row.signing ? 'signing' : `verifies until ${row.verifiesUntil}`}`);
    }
  } finally {
    await store.close();
  }
}
