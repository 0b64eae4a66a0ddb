import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ChipFormatError } from './asn1.js';
import { readCertificate, type Certificate } from './certificate.js';
import { isSignedBy, readRevocationList, type RevocationList } from './crl.js';
import { readMasterList } from './master-list.js';
import type { TrustAnchors } from './trust-anchors.js';

/** A trusted certificate and where it came from (a file, or a master list). */
export interface TrustedCertificate {
  certificate: Certificate;
  source: string;
}

/** What `OPENASSURE_CSCA_PATH` gave: the anchors, and each file refused with why. */
export interface LoadedTrust extends TrustAnchors {
  trusted: TrustedCertificate[];
  refused: { file: string; reason: string }[];
}

const certificateExtensions = new Set(['.pem', '.crt', '.cer', '.der']);
const masterListExtensions = new Set(['.ml', '.p7m', '.p7b', '.bin']);

/** PEM blocks of a type, or the file itself when it is DER. */
function blocks(content: Buffer, label: string): Buffer[] {
  const text = content.toString('latin1');
  if (!text.includes('-----BEGIN')) return [content];
  const pattern = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((match) => Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
}

async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const reasonOf = (error: unknown): string =>
  error instanceof ChipFormatError ? error.message : `cannot be read: ${(error as Error).message}`;

/**
 * Loads the trust store: master lists (their signatures checked), PEM or DER certificates placed by
 * the operator, and CRLs (kept only when a trusted CSCA signed them). Certificates from files come
 * first, so a master list may be signed by a CSCA the operator placed.
 */
export async function loadTrustStore(path: string): Promise<LoadedTrust> {
  const files = await filesUnder(path);
  const trusted: TrustedCertificate[] = [];
  const refused: LoadedTrust['refused'] = [];
  const kind = (file: string) => extname(file).toLowerCase();
  for (const file of files.filter((f) => certificateExtensions.has(kind(f)))) {
    try {
      for (const der of blocks(await readFile(file), 'CERTIFICATE'))
        trusted.push({ certificate: readCertificate(der), source: file });
    } catch (error) {
      refused.push({ file, reason: reasonOf(error) });
    }
  }
  for (const file of files.filter((f) => masterListExtensions.has(kind(f)))) {
    try {
      const certificates = readMasterList(
        await readFile(file),
        trusted.map((t) => t.certificate),
      );
      trusted.push(...certificates.map((certificate) => ({ certificate, source: file })));
    } catch (error) {
      refused.push({ file, reason: reasonOf(error) });
    }
  }
  const certificates = dedupe(trusted).map((t) => t.certificate);
  const revocationLists: RevocationList[] = [];
  for (const file of files.filter((f) => kind(f) === '.crl')) {
    try {
      for (const der of blocks(await readFile(file), 'X509 CRL')) {
        const list = readRevocationList(der);
        if (!certificates.some((c) => isSignedBy(list, c)))
          throw new ChipFormatError('The CRL is not signed by a trusted CSCA.');
        revocationLists.push(list);
      }
    } catch (error) {
      refused.push({ file, reason: reasonOf(error) });
    }
  }
  for (const file of files) {
    const extension = kind(file);
    if (!certificateExtensions.has(extension) && !masterListExtensions.has(extension) && extension !== '.crl') {
      refused.push({
        file,
        reason: 'not a certificate (.pem .crt .cer .der), master list (.ml .p7m .p7b .bin) or CRL (.crl).',
      });
    }
  }
  return { trusted: dedupe(trusted), certificates, revocationLists, refused };
}

/** The same certificate from two master lists is kept once, under its first source. */
function dedupe(trusted: TrustedCertificate[]): TrustedCertificate[] {
  const seen = new Set<string>();
  return trusted.filter(({ certificate }) => !seen.has(certificate.fingerprint) && seen.add(certificate.fingerprint));
}

/**
 * The trust store of a running server: loaded at start and again on demand (SIGHUP), each time whole,
 * so a verification always sees one consistent set. A reload that fails keeps the previous set.
 */
export class CscaTrust {
  private current: LoadedTrust = { trusted: [], certificates: [], revocationLists: [], refused: [] };

  constructor(private readonly path: string | undefined) {}

  async reload(): Promise<LoadedTrust> {
    if (this.path !== undefined) this.current = await loadTrustStore(this.path);
    return this.current;
  }

  anchors(): TrustAnchors {
    return this.current;
  }
}
