import type { ClientCaller, OperatorCaller } from '../../core/domain.js';
import { notFound } from '../../core/errors.js';
import type { Repositories } from '../../store/store.js';

/** Whether the operator may see this client's data. */
export const seesClient = (operator: OperatorCaller, clientId: string): boolean =>
  operator.clients === null || operator.clients.includes(clientId);

/**
 * The client an operator acts for on one of its resources, as the caller the client's own use cases
 * take: the console reuses them (Get process, images, the download) with the same presenters. A client
 * outside the operator's limit is 404, as if absent.
 */
export async function actAsClient(
  repos: Repositories,
  operator: OperatorCaller,
  clientId: string,
  what: string,
): Promise<ClientCaller> {
  const client = seesClient(operator, clientId) ? await repos.clients.find(clientId) : undefined;
  if (!client) throw notFound(what);
  return { kind: 'client', clientId: client.id, environment: client.environment };
}
