import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The line a child server prints, followed by JSON, once it accepts requests. */
const readyPrefix = 'BENCH_READY ';

export interface ChildServer<T> {
  /** What the child announced when it became ready. */
  info: T;
  /** The child's process id (to read its memory from /proc). */
  pid: number;
  /** Asks the child to close (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Runs a benchmark server in its own Node process, so that it never shares an event loop with the
 * load generator. The TypeScript file runs through tsx's loader; `settings` arrive as JSON in argv[2].
 */
export async function startChild<T>(script: string, settings: unknown): Promise<ChildServer<T>> {
  // BENCH_CHILD_NODE_ARGS: extra Node flags for the children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', script, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await new Promise<T>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(readyPrefix)) resolve(JSON.parse(line.slice(readyPrefix.length)) as T);
      else process.stderr.write(`[${script.split('/').pop()}] ${line}\n`);
    });
    void exited.then(() => reject(new Error(`${script} exited (code ${child.exitCode}) before it was ready.`)));
  });
  return {
    info,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Called by a child server: tells the parent it is ready, and what it needs to know. */
export function announceReady(info: unknown): void {
  process.stdout.write(`${readyPrefix}${JSON.stringify(info)}\n`);
}

/** Called by a child server: close cleanly when the parent asks. */
export function closeOnSigterm(close: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
