import { useState } from 'preact/hooks';
import type { Client, ClientSettings } from '../api/types';
import { useApp } from '../app/context';
import { formatTime } from '../app/format';
import { useAction, useLoad } from '../app/use-load';
import { PROVIDERS } from '../app/vocabulary';
import { Secret } from '../components/Secret';
import { ErrorNote, Show } from '../components/Status';

const path = (client: Client, rest = '') => `/clients/${encodeURIComponent(client.clientId)}${rest}`;

/** One client; for admins with its secret rotation, settings and deletion. */
export function ClientRow({ client, admin, onChanged }: { client: Client; admin: boolean; onChanged: () => void }) {
  const { api } = useApp();
  const [secret, setSecret] = useState<string | null>(null);
  const rotation = useAction();
  const rotate = async () => {
    const rotated = await rotation.run(() => api.post<{ clientSecret: string }>(path(client, '/secret')));
    if (rotated.ok) setSecret(rotated.value.clientSecret);
  };
  return (
    <li class="client" data-testid={`client-${client.clientId}`}>
      <ClientFacts client={client} />
      {admin && (
        <>
          <p>
            <button type="button" onClick={rotate} disabled={rotation.busy} data-testid="client-rotate">
              Rotate secret
            </button>
          </p>
          <ErrorNote message={rotation.error} />
          {secret && (
            <Secret label="New client secret (the old one no longer works)" value={secret} testId="client-secret" />
          )}
          <details>
            <summary>Settings</summary>
            <Settings client={client} />
          </details>
          <details>
            <summary>Delete</summary>
            <DeleteClient client={client} onDeleted={onChanged} />
          </details>
        </>
      )}
    </li>
  );
}

function Settings({ client }: { client: Client }) {
  const { api } = useApp();
  const settings = useLoad(() => api.get<ClientSettings>(path(client, '/settings')), client.clientId);
  return <Show loaded={settings}>{(loaded) => <SettingsForm client={client} initial={loaded} />}</Show>;
}

function SettingsForm({ client, initial }: { client: Client; initial: ClientSettings }) {
  const { api } = useApp();
  const [review, setReview] = useState(new Set(initial.reviewInconclusive));
  const [fourEyes, setFourEyes] = useState(initial.fourEyes);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const toggle = (provider: string) => {
    const next = new Set(review);
    if (next.has(provider)) next.delete(provider);
    else next.add(provider);
    setReview(next);
    setSaved(false);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const body: ClientSettings = { reviewInconclusive: [...review].sort(), fourEyes };
    const result = await action.run(() => api.put<ClientSettings>(path(client, '/settings'), body));
    setSaved(result.ok);
  };
  const id = `settings-${client.clientId}`;
  return (
    <form onSubmit={submit} class="stack" data-testid="client-settings">
      <fieldset>
        <legend>Send inconclusive outcomes of these providers to manual review</legend>
        {PROVIDERS.map((provider) => (
          <label key={provider} class="check">
            <input type="checkbox" checked={review.has(provider)} onChange={() => toggle(provider)} /> {provider}
          </label>
        ))}
      </fieldset>
      <label class="check" for={`${id}-four-eyes`}>
        <input
          id={`${id}-four-eyes`}
          type="checkbox"
          checked={fourEyes}
          onChange={(e) => (setFourEyes(e.currentTarget.checked), setSaved(false))}
          data-testid="client-four-eyes"
        />{' '}
        Four eyes: an acceptance needs two different reviewers
      </label>
      <ErrorNote message={action.error} />
      <p>
        <button type="submit" disabled={action.busy} data-testid="client-settings-save">
          Save settings
        </button>{' '}
        <span role="status">{saved ? 'Saved.' : ''}</span>
      </p>
    </form>
  );
}

/** Deleting removes the client's dossiers, processes and files: the operator types the name to confirm. */
function DeleteClient({ client, onDeleted }: { client: Client; onDeleted: () => void }) {
  const { api } = useApp();
  const [typed, setTyped] = useState('');
  const action = useAction();
  const id = `delete-${client.clientId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if ((await action.run(() => api.delete(path(client)))).ok) onDeleted();
  };
  return (
    <form onSubmit={submit} class="stack">
      <p id={`${id}-warning`}>
        This deletes the client with all {client.processCount} processes, their dossiers and files. It cannot be undone.
      </p>
      <label for={id}>Type the client's name, {client.name}, to confirm</label>
      <input
        id={id}
        value={typed}
        aria-describedby={`${id}-warning`}
        autocomplete="off"
        onInput={(e) => setTyped(e.currentTarget.value)}
        data-testid="client-delete-confirm"
      />
      <ErrorNote message={action.error} />
      <p>
        <button
          type="submit"
          class="danger"
          disabled={typed !== client.name || action.busy}
          data-testid="client-delete"
        >
          Delete client
        </button>
      </p>
    </form>
  );
}

function ClientFacts({ client }: { client: Client }) {
  return (
    <p>
      <strong data-testid="client-name">{client.name}</strong>{' '}
      <span class={`env env-${client.environment}`}>{client.environment}</span>{' '}
      <span class="mono">{client.clientId}</span>, created {formatTime(client.createdAt)}, {client.processCount}{' '}
      processes
    </p>
  );
}
