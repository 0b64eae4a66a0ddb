import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

// The chart library is fetched with the first chart, not with the sign-in page ('strict-dynamic' lets the
// page's own module load it).
let library: Promise<typeof uPlot> | undefined;
const loadLibrary = () => (library ??= import('uplot').then((module) => module.default));

/** Series colours, each at least 3:1 against white (WCAG non-text contrast). */
const COLOURS = ['#0b57d0', '#b3261e', '#137333', '#8a4b00', '#6a1b9a', '#00695c', '#c2185b', '#37474f', '#5d4037'];

export interface ChartData {
  /** Days, 'YYYY-MM-DD'. */
  days: string[];
  series: { label: string; values: number[] }[];
}

const toSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

const draw = (UPlot: typeof uPlot, element: HTMLElement, data: ChartData) =>
  new UPlot(
    {
      width: Math.max(280, element.clientWidth),
      height: 240,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      series: [
        { label: 'Day' },
        ...data.series.map((series, index) => ({
          label: series.label,
          stroke: COLOURS[index % COLOURS.length],
          width: 2,
          points: { show: data.days.length < 40 },
        })),
      ],
      axes: [{}, { label: 'Count' }],
    },
    [data.days.map(toSeconds), ...data.series.map((series) => series.values)],
    element,
  );

/**
 * A line chart of counts per day (uPlot draws on a canvas). The canvas means nothing to a screen reader, so the
 * same numbers follow as a table, folded away.
 */
export function LineChart({ title, data, testId }: { title: string; data: ChartData; testId: string }) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element || data.days.length === 0) return;
    let chart: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let gone = false;
    void loadLibrary().then((UPlot) => {
      if (gone) return;
      chart = draw(UPlot, element, data);
      const drawn = chart;
      observer = new ResizeObserver(() => drawn.setSize({ width: Math.max(280, element.clientWidth), height: 240 }));
      observer.observe(element);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [data]);

  return (
    <figure class="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {data.days.length === 0 ? (
        <p class="muted">No verifications in this period.</p>
      ) : (
        <div ref={holder} aria-hidden="true" />
      )}
      {data.days.length > 0 && (
        <details>
          <summary>{title}: the numbers</summary>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {data.series.map((series) => (
                    <th scope="col" key={series.label}>
                      {series.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.days.map((day, row) => (
                  <tr key={day}>
                    <th scope="row">{day}</th>
                    {data.series.map((series) => (
                      <td key={series.label}>{series.values[row]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
