import { describe, expect, it } from 'vitest';
import type { Overview } from '../api/types';
import { daysBetween, seriesBy } from './overview-series';

const overview = (perDay: Overview['perDay']): Overview => ({
  from: '2026-12-01T00:00:00Z',
  to: '2026-12-03T23:59:59Z',
  perDay,
  acceptanceRate: null,
  medianSecondsToFinal: null,
  reviewQueue: { length: 0, oldestWaitingSeconds: null },
  webhookFailures: { last24h: 0, total: 0 },
  decisionsByReviewer: [],
});

describe('overview series', () => {
  it('lists every day of the period, across a month end', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('sums counts per day by provider, with zero on quiet days', () => {
    const data = seriesBy(
      overview([
        { date: '2026-12-01', provider: 'onfido', status: 'accepted', count: 2 },
        { date: '2026-12-01', provider: 'onfido', status: 'rejected', count: 1 },
        { date: '2026-12-03', provider: 'eid', status: 'accepted', count: 4 },
      ]),
      'provider',
    );
    expect(data.days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(data.series).toEqual([
      { label: 'eid', values: [0, 0, 4] },
      { label: 'onfido', values: [3, 0, 0] },
    ]);
  });

  it('has nothing to draw without verifications', () => {
    expect(seriesBy(overview([]), 'status')).toEqual({ days: [], series: [] });
  });
});
