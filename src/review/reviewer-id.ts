import { createHash } from 'node:crypto';

/**
 * The id a reviewer appears under in the results clients receive (VideoID's verifierId, WebID's
 * agentId): stable per reviewer, shaped like upstream's UUIDs, and not the operator's email, which is
 * personal data of the operator that clients have no business seeing.
 */
export function reviewerId(email: string): string {
  const hex = createHash('sha256').update(`openassure-reviewer:${email.toLowerCase()}`).digest('hex');
  // A version 8 (custom) UUID with the RFC 9562 variant bits.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
