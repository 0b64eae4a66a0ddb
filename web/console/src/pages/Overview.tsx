import { useMemo, useState } from 'preact/hooks';
import type { Overview } from '../api/types';
import { useApp } from '../app/context';
import { formatDuration, formatPercent } from '../app/format';
import { useLoad } from '../app/use-load';
import { Layout } from '../components/Layout';
import { LineChart } from '../components/LineChart';
import { Show } from '../components/Status';
import { seriesBy } from './overview-series';

const PERIODS = [7, 30, 90];

export function OverviewPage() {
  const { api } = useApp();
  const [days, setDays] = useState(30);
  const overview = useLoad(() => api.get<Overview>(`/overview?days=${days}`), String(days));
  return (
    <Layout section="overview" title="Overview">
      <p>
        <label for="overview-days">Period </label>
        <select id="overview-days" value={days} onChange={(event) => setDays(Number(event.currentTarget.value))}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              Last {period} days
            </option>
          ))}
        </select>
      </p>
      <Show loaded={overview}>{(data) => <Figures overview={data} />}</Show>
    </Layout>
  );
}

function Figures({ overview }: { overview: Overview }) {
  const byProvider = useMemo(() => seriesBy(overview, 'provider'), [overview]);
  const byStatus = useMemo(() => seriesBy(overview, 'status'), [overview]);
  return (
    <div data-testid="overview-ready">
      <dl class="figures">
        <Figure label="Acceptance rate" value={formatPercent(overview.acceptanceRate)} testId="figure-acceptance" />
        <Figure
          label="Median time to a final status"
          value={formatDuration(overview.medianSecondsToFinal)}
          testId="figure-median"
        />
        <Figure label="Review queue" value={String(overview.reviewQueue.length)} testId="figure-queue" />
        <Figure
          label="Oldest waiting review"
          value={formatDuration(overview.reviewQueue.oldestWaitingSeconds)}
          testId="figure-queue-age"
        />
        <Figure
          label="Webhook failures, last 24 h"
          value={String(overview.webhookFailures.last24h)}
          testId="figure-webhook-24h"
        />
        <Figure
          label="Webhook failures, all"
          value={String(overview.webhookFailures.total)}
          testId="figure-webhook-total"
        />
      </dl>
      <div class="charts">
        <LineChart title="Verifications per day by provider" data={byProvider} testId="chart-provider" />
        <LineChart title="Verifications per day by status" data={byStatus} testId="chart-status" />
      </div>
      <h2>Decisions per reviewer</h2>
      {overview.decisionsByReviewer.length === 0 ? (
        <p class="muted">No review decisions in this period.</p>
      ) : (
        <table data-testid="reviewer-decisions">
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Accepted</th>
              <th scope="col">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {overview.decisionsByReviewer.map((row) => (
              <tr key={row.email}>
                <th scope="row">{row.email}</th>
                <td>{row.accepted}</td>
                <td>{row.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
