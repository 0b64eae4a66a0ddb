import { useState } from 'preact/hooks';
import { query } from '../api/client';
import type { Page, ProcessItem } from '../api/types';
import { useApp } from '../app/context';
import { useClientList } from '../app/use-clients';
import { usePaged } from '../app/use-paged';
import { PROVIDERS, STATUSES } from '../app/vocabulary';
import { Layout } from '../components/Layout';
import { More } from '../components/More';
import { ProcessTable } from '../components/ProcessTable';
import { Busy, ErrorNote } from '../components/Status';

interface Filters {
  q: string;
  clientId: string;
  provider: string;
  status: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { q: '', clientId: '', provider: '', status: '', from: '', to: '' };

/** Processes by id, dossier id, external reference or external id, narrowed by client, provider, status, dates. */
export function Search() {
  const { api } = useApp();
  const clients = useClientList();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const list = usePaged(
    (cursor) => api.get<Page<ProcessItem>>(`/processes${query({ ...applied, q: applied.q.trim(), cursor })}`),
    JSON.stringify(applied),
  );
  const set = (field: keyof Filters) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [field]: event.currentTarget.value });

  return (
    <Layout section="search" title="Search">
      <form
        class="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(draft);
        }}
      >
        <div class="field wide">
          <label for="search-q">Process, dossier, external reference or external id</label>
          <input id="search-q" type="search" value={draft.q} onInput={set('q')} data-testid="search-input" />
        </div>
        <div class="field">
          <label for="search-client">Client</label>
          <select id="search-client" value={draft.clientId} onChange={set('clientId')} data-testid="search-client">
            <option value="">All</option>
            {clients.map((client) => (
              <option key={client.clientId} value={client.clientId}>
                {client.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-provider">Provider</label>
          <select id="search-provider" value={draft.provider} onChange={set('provider')} data-testid="search-provider">
            <option value="">All</option>
            {PROVIDERS.map((provider) => (
              <option key={provider}>{provider}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-status">Status</label>
          <select id="search-status" value={draft.status} onChange={set('status')} data-testid="search-status">
            <option value="">All</option>
            {STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-from">Created from</label>
          <input id="search-from" type="date" value={draft.from} onInput={set('from')} data-testid="search-from" />
        </div>
        <div class="field">
          <label for="search-to">Created until</label>
          <input id="search-to" type="date" value={draft.to} onInput={set('to')} data-testid="search-to" />
        </div>
        <div class="field actions">
          <button type="submit" class="primary" data-testid="search-submit">
            Search
          </button>
        </div>
      </form>
      <ErrorNote message={list.error} />
      {list.items === null ? <Busy /> : <ProcessTable items={list.items} caption="Processes found" />}
      <More cursor={list.cursor} busy={list.busy} onMore={list.more} />
    </Layout>
  );
}
