import type { Certificate } from './certificate.js';
import type { RevocationList } from './crl.js';

/**
 * What passive authentication trusts: CSCA (and link) certificates whose source was checked (a master
 * list with a valid signature, or a file the operator placed), and the CRLs their CSCAs signed.
 */
export interface TrustAnchors {
  certificates: readonly Certificate[];
  revocationLists: readonly RevocationList[];
}

/**
 * The certificates (trusted ones, or link certificates) that may have issued `certificate`: by key identifier when both carry one,
 * else by name. A same-named CSCA with another key (a rollover) is left out when identifiers say so.
 */
export function issuerCandidates(certificates: readonly Certificate[], certificate: Certificate): Certificate[] {
  return certificates.filter((candidate) => {
    if (certificate.authorityKeyId && candidate.subjectKeyId)
      return candidate.subjectKeyId === certificate.authorityKeyId;
    return candidate.subject.key === certificate.issuer.key;
  });
}
