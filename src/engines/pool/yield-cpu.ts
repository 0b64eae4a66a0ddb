import os from 'node:os';

/** The nice value of engine threads: below normal, so the event loop wins a contended core. */
const engineThreadNice = os.constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Lowers the CPU priority of the calling engine thread. With as many engine threads as cores, the
 * event loop thread would otherwise queue behind them for its time slice, and every API request would
 * wait for it. On Linux nice values are per thread and pid 0 means the calling thread; elsewhere pid 0
 * is the whole process, which would slow the event loop too, so this only acts on Linux.
 */
export function yieldCpuToEventLoop(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, engineThreadNice);
  } catch {
    // Containers may forbid it (seccomp); the engines still work, only without the priority hint.
  }
}
