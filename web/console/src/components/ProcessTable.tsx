import type { ProcessItem } from '../api/types';
import { formatTime } from '../app/format';
import { href } from '../app/router';

/** Processes as rows; each links to its process page (and its dossier). */
export function ProcessTable({ items, caption }: { items: ProcessItem[]; caption: string }) {
  if (items.length === 0)
    return (
      <p class="muted" data-testid="no-processes">
        No processes.
      </p>
    );
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Status</th>
            <th scope="col">Provider</th>
            <th scope="col">Client</th>
            <th scope="col">Dossier</th>
            <th scope="col">External reference</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.processId} data-testid={`process-row-${item.processId}`}>
              <td>
                <a href={href('process', item.processId)} class="mono">
                  {item.processId}
                </a>
              </td>
              <td>
                <span class={`status status-${item.status}`}>{item.status}</span>
              </td>
              <td>
                {item.provider}
                {item.processType ? ` (${item.processType})` : ''}
              </td>
              <td>{item.clientName}</td>
              <td>
                <a href={href('dossier', item.dossierId)} class="mono">
                  {item.dossierId}
                </a>
              </td>
              <td>{item.externalReference ?? '–'}</td>
              <td>{formatTime(item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
