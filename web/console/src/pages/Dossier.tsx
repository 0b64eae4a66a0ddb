import type { Dossier } from '../api/types';
import { useApp } from '../app/context';
import { formatTime } from '../app/format';
import { useLoad } from '../app/use-load';
import { JsonView } from '../components/JsonView';
import { Layout } from '../components/Layout';
import { ProcessTable } from '../components/ProcessTable';
import { Show } from '../components/Status';

export function DossierPage({ id }: { id: string }) {
  const { api } = useApp();
  const dossier = useLoad(() => api.get<Dossier>(`/dossiers/${encodeURIComponent(id)}`), id);
  return (
    <Layout section="search" title={`Dossier ${id}`}>
      <Show loaded={dossier}>
        {(data) => (
          <>
            <dl class="facts">
              <div>
                <dt>External reference</dt>
                <dd>{data.externalReference ?? '–'}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>{formatTime(data.createdAt)}</dd>
              </div>
            </dl>
            <JsonView title="User data" value={data.userData} testId="json-user-data" />
            <h2>Processes</h2>
            <ProcessTable items={data.processes} caption="Processes of this dossier" />
          </>
        )}
      </Show>
    </Layout>
  );
}
