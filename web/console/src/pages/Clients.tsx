import { useState } from 'preact/hooks';
import type { Client, Environment } from '../api/types';
import { can, useApp } from '../app/context';
import { useAction, useLoad } from '../app/use-load';
import { Layout } from '../components/Layout';
import { Secret } from '../components/Secret';
import { ErrorNote, Show } from '../components/Status';
import { ClientRow } from './ClientRow';

/** The clients; admins also create them, rotate secrets, delete them and change their settings. */
export function Clients() {
  const { api, operator } = useApp();
  const clients = useLoad(() => api.get<Client[]>('/clients'), 'clients');
  const admin = can.administer(operator);
  return (
    <Layout section="clients" title="Clients">
      {admin && <CreateClient onCreated={() => clients.state === 'ready' && clients.reload()} />}
      <h2>All clients</h2>
      <Show loaded={clients}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">No clients yet.</p>
          ) : (
            <ul class="clients">
              {list.map((client) => (
                <ClientRow
                  key={client.clientId}
                  client={client}
                  admin={admin}
                  onChanged={() => clients.state === 'ready' && clients.reload()}
                />
              ))}
            </ul>
          )
        }
      </Show>
    </Layout>
  );
}

function CreateClient({ onCreated }: { onCreated: () => void }) {
  const { api } = useApp();
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<Environment>('sandbox');
  const [secret, setSecret] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const created = await action.run(() =>
      api.post<{ clientId: string; clientSecret: string }>('/clients', { name: name.trim(), environment }),
    );
    if (!created.ok) return;
    setSecret(created.value);
    setName('');
    onCreated();
  };
  return (
    <section aria-labelledby="create-client">
      <h2 id="create-client">New client</h2>
      <form class="filters" onSubmit={submit}>
        <div class="field">
          <label for="client-name">Name</label>
          <input
            id="client-name"
            required
            maxLength={200}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            data-testid="client-create-name"
          />
        </div>
        <div class="field">
          <label for="client-environment">Environment</label>
          <select
            id="client-environment"
            value={environment}
            onChange={(e) => setEnvironment(e.currentTarget.value === 'live' ? 'live' : 'sandbox')}
            data-testid="client-create-environment"
          >
            <option value="sandbox">sandbox</option>
            <option value="live">live</option>
          </select>
        </div>
        <div class="field actions">
          <button type="submit" class="primary" disabled={action.busy} data-testid="client-create">
            Create client
          </button>
        </div>
      </form>
      <ErrorNote message={action.error} />
      {secret && (
        <div data-testid="client-created">
          <p>
            Client id: <code data-testid="client-created-id">{secret.clientId}</code>
          </p>
          <Secret label="Client secret" value={secret.clientSecret} testId="client-secret" />
        </div>
      )}
    </section>
  );
}
