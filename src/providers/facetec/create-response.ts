import { generateKeyPairSync, randomBytes, randomInt, sign } from 'node:crypto';
import type { CreateResponseContext } from '../types.js';
import { freshPublicKey } from './public-keys.js';

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** FaceTec device key identifiers are a `d` and 31 letters or digits. */
const deviceKeyIdentifier = () =>
  'd' + Array.from({ length: 31 }, () => alphanumerics[randomInt(alphanumerics.length)]).join('');

/**
 * A production key text in FaceTec's layout: app id, expiry date and an ECDSA signature over them in hex.
 * Only FaceTec can sign a key its SDK accepts, so this one is signed with a throwaway key: it has the
 * right shape for apps that store or forward it, and embeds no secret of the server.
 */
function productionKey(createdAt: number): string {
  const expiry = new Date(createdAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
  const body = `appId      = *\nexpiryDate = ${expiry.toISOString().slice(0, 10)}`;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signature = sign('sha256', Buffer.from(body), privateKey).toString('hex');
  return `${body}\nkey        = 00${signature}`;
}

/** FaceTec's create-process fields: what the end-user's app needs to start the FaceTec SDK. */
export function createResponse(context: CreateResponseContext): Record<string, string> {
  return {
    authorization: randomBytes(32).toString('base64url'),
    facetecDeviceKeyIdentifier: deviceKeyIdentifier(),
    facetecEncryptionPublicKey: freshPublicKey(),
    facetecMobileSdkProductionKey: productionKey(context.process.createdAt),
  };
}
