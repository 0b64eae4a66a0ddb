import type { Overview } from '../api/types';
import type { ChartData } from '../components/LineChart';

/** Every day from `from` to `to` (inclusive), so days without verifications plot as zero, not as a gap. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  for (let at = Date.parse(`${from.slice(0, 10)}T00:00:00Z`); at <= end && days.length < 400; at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/** Counts per day, one series per value of `by` (provider or status). */
export function seriesBy(overview: Overview, by: 'provider' | 'status'): ChartData {
  const days = daysBetween(overview.from, overview.to);
  const index = new Map(days.map((day, position) => [day, position]));
  const series = new Map<string, number[]>();
  for (const row of overview.perDay) {
    const position = index.get(row.date);
    if (position === undefined) continue;
    const key = row[by];
    const values = series.get(key) ?? days.map(() => 0);
    values[position] = (values[position] ?? 0) + row.count;
    series.set(key, values);
  }
  if (series.size === 0) return { days: [], series: [] };
  return {
    days,
    series: [...series.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, values]) => ({ label, values })),
  };
}
