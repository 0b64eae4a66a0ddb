import os from 'node:os';
import path from 'node:path';

/** Lines saying how and where a benchmark ran: figures mean little without them. */
export function describeRun(): string[] {
  const script = path.relative(process.cwd(), process.argv[1] ?? '');
  const cpus = os.cpus();
  return [
    `- command: \`npx tsx ${[script, ...process.argv.slice(2)].join(' ')}\``,
    `- node: ${process.version} (${os.platform()} ${os.arch()})`,
    `- CPU: ${cpus[0]?.model ?? 'unknown'} x ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
    `- date: ${new Date().toISOString()}`,
  ];
}
