import { openStore } from './app.js';
import { chipCommand } from './cli/chip.js';
import { clientsCommand } from './cli/clients.js';
import { cscaCommand } from './cli/csca.js';
import { engineCommand } from './cli/engines.js';
import { keysCommand } from './cli/keys.js';
import { operatorsCommand } from './cli/operators.js';
import { serve } from './cli/serve.js';
import { worker } from './cli/worker.js';
import { usage, UsageError } from './cli/usage.js';
import { loadConfig } from './config/config.js';
import { ConfigError } from './config/env-reader.js';

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return;
  }
  // The engine commands work on files and need no server configuration.
  if (command === 'mrz' || command === 'face' || command === 'image') return engineCommand(command, args);
  if (command === 'chip') return chipCommand(args);
  if (command === 'csca') return cscaCommand(args);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker':
      return worker(config);
    case 'migrate': {
      const store = await openStore(config);
      await store.close();
      console.log('The database schema is up to date.');
      return;
    }
    case 'clients':
      return clientsCommand(config, args);
    case 'keys':
      return keysCommand(config, args);
    case 'operators':
      return operatorsCommand(config, args);
    default:
      throw new UsageError(`Unknown command '${command}'.`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(`openassure: ${error.message}`);
    if (error instanceof UsageError) console.error(`\n${usage}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
});
