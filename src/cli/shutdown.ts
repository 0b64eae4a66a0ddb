import type { OpenAssure } from '../app.js';

/** On SIGINT or SIGTERM: stop taking work, let running jobs and requests finish, close, exit. */
export function closeOnSignals(app: OpenAssure): void {
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
