import { signatureScheme } from './algorithms.js';
import type { Certificate } from './certificate.js';
import { verifySignature } from './signature.js';
import { issuerCandidates, type TrustAnchors } from './trust-anchors.js';

/** A path from a certificate to a trusted CSCA: the link certificates between them, nearest first. */
export interface Chain {
  anchor: Certificate;
  links: Certificate[];
}

/**
 * At most this many link certificates between a DS and a trusted CSCA. A country rolls its CSCA key
 * over every few years, so a DS several rollovers past the only trusted root is rare; a bound keeps
 * a hostile SOD full of certificates from costing unbounded signature checks.
 */
const maxLinks = 4;

/** Whether `issuer` is a CA key that signed `certificate`. */
function issued(issuer: Certificate, certificate: Certificate): boolean {
  if (!issuer.isCa || (issuer.keyUsage && !issuer.keyUsage.keyCertSign)) return false;
  try {
    return verifySignature(
      signatureScheme(certificate.signatureAlgorithm),
      issuer.publicKey,
      certificate.tbs,
      certificate.signature,
    );
  } catch {
    return false;
  }
}

/**
 * Builds the chain from `certificate` up to a trusted CSCA, one verified signature at a time. A
 * trusted issuer ends it; otherwise an untrusted link certificate (a CSCA's new key signed by its old
 * one, ICAO 9303-12 §5.1.1) that signed it is a step, and its own issuer is looked for in turn. Link
 * certificates are never trusted on their own: only a path ending at a trusted CSCA counts.
 */
export function buildChain(
  anchors: TrustAnchors,
  certificate: Certificate,
  linkCertificates: readonly Certificate[],
): Chain | undefined {
  const walk = (current: Certificate, seen: ReadonlySet<string>): Chain | undefined => {
    const anchor = issuerCandidates(anchors.certificates, current).find((candidate) => issued(candidate, current));
    if (anchor) return { anchor, links: [] };
    if (seen.size > maxLinks) return undefined;
    for (const link of issuerCandidates(linkCertificates, current)) {
      if (seen.has(link.fingerprint) || !issued(link, current)) continue;
      const rest = walk(link, new Set([...seen, link.fingerprint]));
      if (rest) return { anchor: rest.anchor, links: [link, ...rest.links] };
    }
    return undefined;
  };
  return walk(certificate, new Set([certificate.fingerprint]));
}
