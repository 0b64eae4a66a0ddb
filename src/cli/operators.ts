import { parseArgs } from 'node:util';
import { openStore } from '../app.js';
import type { Config } from '../config/config.js';
import type { OperatorRole } from '../core/domain.js';
import { AppError } from '../core/errors.js';
import { systemClock, toIsoSeconds } from '../core/time.js';
import { OperatorService, operatorRoles } from '../services/console/operators.js';
import { UsageError } from './usage.js';

/** `operators create|list|delete|reset-password`: manage the console's operators. */
export async function operatorsCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const store = await openStore(config);
  const operators = new OperatorService(store, systemClock);
  try {
    if (action === 'create') await create(operators, rest);
    else if (action === 'list') await list(operators, rest);
    else if (action === 'delete') await remove(operators, rest);
    else if (action === 'reset-password') await resetPassword(operators, rest);
    else throw new UsageError('operators needs one of: create, list, delete, reset-password.');
  } catch (error) {
    // The service's refusals (an unknown client, an operator already there) are the caller's mistakes.
    if (error instanceof AppError && error.status < 500) throw new UsageError(error.detail);
    throw error;
  } finally {
    await store.close();
  }
}

async function create(operators: OperatorService, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      clients: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.email) throw new UsageError('operators create needs --email EMAIL.');
  if (!operatorRoles.includes(values.role as OperatorRole)) {
    throw new UsageError(`--role must be one of: ${operatorRoles.join(', ')}.`);
  }
  const clients = values.clients === undefined ? null : values.clients.split(',').map((c) => c.trim());
  const created = await operators.create({ email: values.email, role: values.role as OperatorRole, clients }, 'cli');
  if (values.json) {
    console.log(JSON.stringify(created));
  } else {
    console.log(`Created ${created.role} ${created.email}`);
    console.log(`Password (shown only now): ${created.password}`);
  }
}

async function list(operators: OperatorService, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const all = await operators.list();
  if (values.json) {
    for (const o of all) console.log(JSON.stringify({ ...o, createdAt: toIsoSeconds(o.createdAt) }));
    return;
  }
  if (all.length === 0) console.log('No operators.');
  for (const o of all) {
    const clients = o.clients === null ? 'all clients' : o.clients.join(',');
    console.log(`${o.email}\t${o.role}\t${clients}\t${o.totpEnrolled ? 'totp' : 'no totp'}`);
  }
}

function oneEmail(command: string, args: string[]): string {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [email] = positionals;
  if (!email || positionals.length !== 1) throw new UsageError(`operators ${command} needs exactly one email.`);
  return email;
}

async function remove(operators: OperatorService, args: string[]): Promise<void> {
  const email = oneEmail('delete', args);
  await operators.delete(email, 'cli');
  console.log(`Deleted operator ${email}.`);
}

async function resetPassword(operators: OperatorService, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const email = oneEmail('reset-password', positionals);
  const { password } = await operators.resetPassword(email, 'cli');
  if (values.json) console.log(JSON.stringify({ email, password }));
  else console.log(`New password for ${email} (shown only now): ${password}`);
}
