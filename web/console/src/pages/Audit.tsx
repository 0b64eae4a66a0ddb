import { useState } from 'preact/hooks';
import { API, query } from '../api/client';
import type { AuditEntry, Page } from '../api/types';
import { useApp } from '../app/context';
import { formatTime } from '../app/format';
import { usePaged } from '../app/use-paged';
import { AUDIT_ACTIONS } from '../app/vocabulary';
import { JsonView } from '../components/JsonView';
import { Layout } from '../components/Layout';
import { More } from '../components/More';
import { Busy, ErrorNote } from '../components/Status';

/** The audit log (admins only), newest first, filtered by operator and action; the whole log as CSV. */
export function Audit() {
  const { api } = useApp();
  const [operator, setOperator] = useState('');
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState({ operator: '', action: '' });
  const log = usePaged(
    (cursor) => api.get<Page<AuditEntry>>(`/audit${query({ ...applied, cursor })}`),
    JSON.stringify(applied),
  );
  return (
    <Layout section="audit" title="Audit log">
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied({ operator: operator.trim(), action });
        }}
      >
        <div class="field">
          <label for="audit-operator">Operator email</label>
          <input
            id="audit-operator"
            type="email"
            value={operator}
            onInput={(e) => setOperator(e.currentTarget.value)}
            data-testid="audit-operator"
          />
        </div>
        <div class="field">
          <label for="audit-action">Action</label>
          <select
            id="audit-action"
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            data-testid="audit-action"
          >
            <option value="">All</option>
            {AUDIT_ACTIONS.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        <div class="field actions">
          <button type="submit" class="primary" data-testid="audit-filter">
            Filter
          </button>
        </div>
      </form>
      <p>
        <a href={`${API}/audit.csv`} download="audit.csv" data-testid="audit-csv">
          Export the whole log (CSV)
        </a>
      </p>
      <ErrorNote message={log.error} />
      {log.items === null ? (
        <Busy />
      ) : log.items.length === 0 ? (
        <p class="muted">No entries.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Operator</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td>{formatTime(entry.at)}</td>
                  <td>{entry.operator}</td>
                  <td data-testid="audit-action-cell">{entry.action}</td>
                  <td class="mono">{entry.target}</td>
                  <td>
                    {entry.before !== null && <JsonView title="Before" value={entry.before} />}
                    {entry.after !== null && <JsonView title="After" value={entry.after} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <More cursor={log.cursor} busy={log.busy} onMore={log.more} />
    </Layout>
  );
}
