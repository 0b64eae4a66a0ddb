import type { Session } from '../api/types';
import { useApp } from '../app/context';
import { Busy } from '../components/Busy';
import { ErrorNote } from '../components/ErrorNote';
import { Layout } from '../components/Layout';
import { useRequest } from './use-request';

/** The sandbox provider's page: nothing is photographed, the tester picks how the process ends. */
export function Sandbox({ session, onFinished }: { session: Session; onFinished(redirectUrl: string): void }) {
  const { api, t } = useApp();
  const request = useRequest();
  const scenarios = session.sandbox?.scenarios ?? [];
  return (
    <Layout title={session.providerTitle} stepKey="sandbox">
      <p>{t('sandbox.intro', { provider: session.providerTitle })}</p>
      {session.processType && <p>{t('sandbox.processType', { processType: session.processType })}</p>}
      {request.busy ? (
        <Busy label={t('app.working')} />
      ) : (
        <fieldset class="choices">
          <legend>{t('sandbox.scenarios')}</legend>
          {scenarios.map((scenario) => (
            <button
              key={scenario.id}
              type="button"
              class="choice"
              data-testid={`sandbox-scenario-${scenario.id}`}
              onClick={() =>
                void request.run(async () => onFinished((await api.sandboxOutcome(scenario.id)).redirectUrl))
              }
            >
              <strong>{scenario.id}</strong>
              {scenario.description && <span>{scenario.description}</span>}
            </button>
          ))}
        </fieldset>
      )}
      {request.error && <ErrorNote message={request.error} />}
    </Layout>
  );
}
