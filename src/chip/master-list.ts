import { children, ChipFormatError, parseBer } from './asn1.js';
import { signatureScheme } from './algorithms.js';
import { certificateFrom, type Certificate } from './certificate.js';
import { isSigner, parseSignedData, signatureProblem } from './cms.js';
import { verifySignature } from './signature.js';

const cscaMasterList = '2.23.136.1.1.2';

/**
 * Reads a CSCA master list (ICAO 9303-12 §9: CMS SignedData over `CscaMasterList`) and returns its
 * certificates only if its own signature holds: the CMS signature verifies with the master list
 * signer's certificate, and that certificate was issued by a CSCA in the list (or one already
 * trusted). Throws ChipFormatError saying what failed; a list that fails is trusted in no part.
 */
export function readMasterList(bytes: Buffer, alreadyTrusted: readonly Certificate[] = []): Certificate[] {
  const signed = parseSignedData(bytes, 'The master list');
  if (signed.eContentType !== cscaMasterList)
    throw new ChipFormatError(`The CMS content is ${signed.eContentType}, not a CSCA master list.`);
  const [, list] = children(parseBer(signed.eContent, 'The master list content'), 'CscaMasterList');
  const certificates = children(list, 'master list certificates').map(certificateFrom);
  const signer = signed.certificates.find((c) => isSigner(c, signed.signerId));
  if (!signer) throw new ChipFormatError('The master list does not carry its signer certificate.');
  const problem = signatureProblem(signed, signer);
  if (problem) throw new ChipFormatError(`The master list signature is not valid: ${problem}`);
  const issuer = [...certificates, ...alreadyTrusted].find((candidate) => {
    if (candidate.subject.key !== signer.issuer.key || (candidate.keyUsage && !candidate.keyUsage.keyCertSign))
      return false;
    try {
      return verifySignature(
        signatureScheme(signer.signatureAlgorithm),
        candidate.publicKey,
        signer.tbs,
        signer.signature,
      );
    } catch {
      return false;
    }
  });
  if (!issuer)
    throw new ChipFormatError('The master list signer was not issued by a CSCA in the list or already trusted.');
  return certificates;
}
