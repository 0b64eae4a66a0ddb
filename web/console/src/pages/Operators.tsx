import { useState } from 'preact/hooks';
import type { OperatorRow, Role } from '../api/types';
import { useApp } from '../app/context';
import { useClientList } from '../app/use-clients';
import { useAction, useLoad } from '../app/use-load';
import { Layout } from '../components/Layout';
import { Secret } from '../components/Secret';
import { ErrorNote, Show } from '../components/Status';

const ROLES: Role[] = ['viewer', 'reviewer', 'admin'];
const path = (email: string, rest = '') => `/operators/${encodeURIComponent(email)}${rest}`;

/** Operators (admins only): create with a generated password, reset it, delete. */
export function Operators() {
  const { api, operator: me } = useApp();
  const operators = useLoad(() => api.get<OperatorRow[]>('/operators'), 'operators');
  const reload = () => operators.state === 'ready' && operators.reload();
  return (
    <Layout section="operators" title="Operators">
      <CreateOperator onCreated={reload} />
      <h2>All operators</h2>
      <Show loaded={operators}>
        {(list) => (
          <table data-testid="operators">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Clients</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <OperatorLine key={row.email} row={row} self={row.email === me.email} onChanged={reload} />
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </Layout>
  );
}

function OperatorLine({ row, self, onChanged }: { row: OperatorRow; self: boolean; onChanged: () => void }) {
  const { api } = useApp();
  const [password, setPassword] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const reset = async () => {
    const result = await action.run(() => api.post<{ password: string }>(path(row.email, '/password')));
    if (result.ok) setPassword(result.value.password);
  };
  const remove = async () => {
    if ((await action.run(() => api.delete(path(row.email)))).ok) onChanged();
  };
  return (
    <tr data-testid={`operator-${row.email}`}>
      <th scope="row">{row.email}</th>
      <td>{row.role}</td>
      <td>{row.clients === null ? 'all' : row.clients.join(', ') || 'none'}</td>
      <td>
        <button type="button" onClick={reset} disabled={action.busy}>
          Reset password
        </button>{' '}
        {!self &&
          (confirming ? (
            <>
              <button
                type="button"
                class="danger"
                onClick={remove}
                disabled={action.busy}
                data-testid="operator-delete-confirm"
              >
                Delete {row.email}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} data-testid="operator-delete">
              Delete
            </button>
          ))}
        {password && <Secret label={`New password for ${row.email}`} value={password} testId="operator-password" />}
        <ErrorNote message={action.error} />
      </td>
    </tr>
  );
}

function CreateOperator({ onCreated }: { onCreated: () => void }) {
  const { api } = useApp();
  const clients = useClientList();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [limited, setLimited] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { email: email.trim(), role, ...(limited ? { clients: chosen } : {}) };
    const result = await action.run(() => api.post<{ email: string; password: string }>('/operators', body));
    if (!result.ok) return;
    setCreated(result.value);
    setEmail('');
    onCreated();
  };
  return (
    <section aria-labelledby="create-operator">
      <h2 id="create-operator">New operator</h2>
      <form onSubmit={submit} class="filters">
        <div class="field">
          <label for="operator-email">Email</label>
          <input
            id="operator-email"
            type="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            data-testid="operator-create-email"
          />
        </div>
        <div class="field">
          <label for="operator-role">Role</label>
          <select
            id="operator-role"
            value={role}
            onChange={(e) => setRole(ROLES.find((r) => r === e.currentTarget.value) ?? 'viewer')}
            data-testid="operator-create-role"
          >
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <label>
            <input type="checkbox" checked={limited} onChange={(e) => setLimited(e.currentTarget.checked)} /> Only some
            clients
          </label>
        </div>
        {limited && (
          <div class="field">
            <label for="operator-clients">Clients</label>
            <select
              id="operator-clients"
              multiple
              onChange={(e) => setChosen([...e.currentTarget.selectedOptions].map((option) => option.value))}
            >
              {clients.map((client) => (
                <option key={client.clientId} value={client.clientId} selected={chosen.includes(client.clientId)}>
                  {client.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field actions">
          <button type="submit" class="primary" disabled={action.busy} data-testid="operator-create">
            Create operator
          </button>
        </div>
      </form>
      <ErrorNote message={action.error} />
      {created && (
        <Secret label={`Password for ${created.email}`} value={created.password} testId="operator-password" />
      )}
    </section>
  );
}
