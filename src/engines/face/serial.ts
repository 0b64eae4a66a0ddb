/**
 * Runs tasks one at a time, in call order. human keeps per-call state on its instance (current input, timings),
 * so two overlapping detect() calls would read each other's results.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // A failed task must not poison the tasks queued after it.
    tail = run.catch(() => undefined);
    return run;
  };
}
