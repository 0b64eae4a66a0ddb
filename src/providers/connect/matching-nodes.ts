import type { Json } from '../../core/domain.js';
import type { NodeValues } from '../../matching/types.js';
import { isJsonObject } from '../normalize.js';
import { readUserInfo } from './user-info.js';

/**
 * The `userInfo` node of a match: the OIDC claims the process received. A userInfo is JSON, a signed
 * JWT (its claims are read) or an encrypted one, which only the client can read. Undefined when the
 * process has none.
 */
export function userInfoNode(providerSpecific: Json): NodeValues | undefined {
  const userInfo = providerSpecific.userInfo;
  if (!isJsonObject(userInfo) && typeof userInfo !== 'string') return undefined;
  const read = readUserInfo(userInfo);
  if (typeof read === 'string') return { available: false, reason: 'the userInfo cannot be read' };
  if (read.format === 'jwe') {
    return { available: false, reason: 'the userInfo is encrypted for the client and cannot be read here' };
  }
  return { available: true, values: read.claims };
}
