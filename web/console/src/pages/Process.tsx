import type { ProcessDetail } from '../api/types';
import { useApp } from '../app/context';
import { useLoad } from '../app/use-load';
import { Layout } from '../components/Layout';
import { ProcessView } from '../components/ProcessView';
import { Show } from '../components/Status';

export function ProcessPage({ id }: { id: string }) {
  const { api } = useApp();
  const detail = useLoad(() => api.get<ProcessDetail>(`/processes/${encodeURIComponent(id)}`), id);
  return (
    <Layout section="search" title={`Process ${id}`}>
      <Show loaded={detail}>{(data) => <ProcessView detail={data} />}</Show>
    </Layout>
  );
}
