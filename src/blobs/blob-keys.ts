import { randomBytes } from 'node:crypto';

const keyPattern = /^[0-9a-f]{32}$/;

/** A new blob key: 128 random bits in hex, so keys neither collide nor say anything about their blob. */
export function newBlobKey(): string {
  return randomBytes(16).toString('hex');
}

/** Refuses anything but a key this store could have made, before it reaches a path or a request. */
export function checkBlobKey(key: string): string {
  if (!keyPattern.test(key)) throw new Error('Invalid blob key.');
  return key;
}
