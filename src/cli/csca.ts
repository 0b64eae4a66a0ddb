import { parseArgs } from 'node:util';
import type { OpenAssure } from '../app.js';
import { readChip } from '../config/chip.js';
import { EnvReader } from '../config/env-reader.js';
import { loadTrustStore, type LoadedTrust } from '../chip/trust-store.js';
import { UsageError } from './usage.js';

/** The trust store named by --csca, else by OPENASSURE_CSCA_PATH. */
export async function trustFrom(cscaOption: string | undefined): Promise<LoadedTrust | undefined> {
  const path = cscaOption ?? readChip(new EnvReader(process.env)).cscaPath;
  return path === undefined ? undefined : loadTrustStore(path);
}

/** `csca list`: what passive authentication trusts, and each file it refused with why (stderr). */
export async function cscaCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'list') throw new UsageError(`Unknown command 'csca ${action ?? ''}'.`);
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, csca: { type: 'string' } } });
  const trust = await trustFrom(values.csca);
  if (!trust) throw new UsageError('Set OPENASSURE_CSCA_PATH or pass --csca PATH.');
  for (const { certificate: c, source } of trust.trusted) {
    const entry = {
      country: c.subject.country ?? null,
      subject: c.subject.text,
      serialNumber: c.serial.toString(16),
      notBefore: c.notBefore.toISOString(),
      notAfter: c.notAfter.toISOString(),
      sha256: c.fingerprint,
      source,
    };
    console.log(
      values.json
        ? JSON.stringify(entry)
        : `${entry.country ?? '--'}  ${entry.subject}  ${entry.notBefore.slice(0, 10)}..${entry.notAfter.slice(0, 10)}  sha256:${c.fingerprint.slice(0, 16)}  ${source}`,
    );
  }
  for (const { file, reason } of trust.refused) {
    if (values.json) console.log(JSON.stringify({ file, refused: reason }));
    console.error(`openassure: refused ${file}: ${reason}`);
  }
  console.error(
    `${trust.trusted.length} certificates trusted, ${trust.revocationLists.length} CRLs, ${trust.refused.length} files refused.`,
  );
}

/** On SIGHUP: load OPENASSURE_CSCA_PATH again, so new master lists and CRLs apply without a restart. */
export function reloadTrustOnHangup(app: OpenAssure): void {
  process.on('SIGHUP', () => {
    app.reloadTrust().catch((error: unknown) => {
      app.logger.error({ err: error }, 'CSCA trust store reload failed; the previous one stays in use');
    });
  });
}
