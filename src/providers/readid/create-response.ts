import { randomUUID } from 'node:crypto';
import type { CreateResponseContext } from '../types.js';
import { qrCodePng } from './qr-code.js';

/**
 * ReadID's create-process fields: the access key and API URL its SDK is configured with and, for
 * ReadID Ready, the link that opens the Ready app (on mobile) and the same link as a QR code (on desktop).
 * The URLs point back to this server, never to ReadID: a sandbox process must not send anyone's
 * document to a real vendor.
 */
export function createResponse({ process, publicUrl }: CreateResponseContext): Record<string, string> {
  const base = publicUrl.replace(/\/+$/, '');
  const fields: Record<string, string> = {
    authorization: randomUUID(),
    providerApiUrl: `${base}/sandbox/readid/odata/v1/ODataServlet`,
  };
  if (process.processType !== 'ready') return fields;
  // Upstream tells integrators to append `&callback=...`, so the link already has a query string.
  const universalLink = `${base}/sandbox/readid/ready?readySessionId=${randomUUID()}`;
  return { ...fields, universalLink, base64QRCode: qrCodePng(universalLink).toString('base64') };
}
