import type { CreateResponseContext } from '../types.js';

// WebID's URLs carry the integrator's customer number; this server stands in for WebID with one customer.
const sandboxCustomerNumber = '000000';

/**
 * What Create process adds for WebID: the `redirectUrl` where the end-user joins the video call
 * (videoid) or identifies herself (accountid). WebID is not reachable from here, so it points back to
 * this server, in WebID's shape (`/service/index/cn/<customer>/aid/<actionId>`). The action id is the
 * process's external id; the transaction id (the process id, as Assure sends it to WebID) makes the
 * URL unique even if two random action ids ever coincide.
 */
export function createResponse({ process, publicUrl }: CreateResponseContext): Record<string, string> {
  if (process.externalId === null) throw new Error(`WebID process ${process.id} has no action id.`);
  const base = publicUrl.replace(/\/+$/, '');
  const path = `/sandbox/webid/service/index/cn/${sandboxCustomerNumber}/aid/${encodeURIComponent(process.externalId)}`;
  return { redirectUrl: `${base}${path}?transactionId=${encodeURIComponent(process.id)}` };
}
