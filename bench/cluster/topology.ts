import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type ChildServer } from '../shared/child.js';
import { createDatabase, databaseUrl, dropDatabase } from '../shared/postgres.js';
import { RoundRobinProxy } from './round-robin-proxy.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TopologySettings {
  apiNodes: number;
  workers: number;
  /** Extra environment for every node (e.g. OPENASSURE_SANDBOX_DELAY_MS for the workers). */
  env?: Record<string, string>;
  /** Extra environment for the workers only. */
  workerEnv?: Record<string, string>;
}

/** One `openassure serve` or `openassure worker` process. */
export interface NodeProcess {
  role: 'api' | 'worker';
  child: ChildProcess;
  /** For API nodes: its own address, bypassing the proxy. */
  url?: string;
}

/**
 * The supported production topology as processes on this machine: a fresh PostgreSQL database on the
 * local server, s3rver on loopback, N API nodes (`openassure serve` with OPENASSURE_WORKER_IN_SERVE=false),
 * M workers (`openassure worker`), and a round-robin proxy in front. Every node runs the real CLI from
 * source and shares one public URL (the proxy's), so a token any node issues is meant for all of them.
 */
export class Topology {
  readonly nodes: NodeProcess[] = [];
  readonly client = { clientId: 'cluster-client', clientSecret: randomBytes(24).toString('hex') };

  private constructor(
    readonly proxy: RoundRobinProxy,
    readonly env: Record<string, string>,
    private readonly s3: ChildServer<unknown>,
    private readonly database: string,
    private readonly dataDir: string,
    private readonly workerEnv: Record<string, string>,
  ) {}

  static async start(settings: TopologySettings): Promise<Topology> {
    const database = `openassure_cluster_${randomBytes(6).toString('hex')}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'openassure-cluster-'));
    await createDatabase(database);
    const s3 = await startChild<{ env: Record<string, string> }>(path.join(repoRoot, 'bench/cluster/s3-child.ts'), {
      directory: path.join(dataDir, 's3'),
    });
    const proxy = await RoundRobinProxy.start();
    const env = {
      ...s3.info.env,
      DATABASE_URL: databaseUrl(database),
      OPENASSURE_DATA_DIR: dataDir,
      OPENASSURE_BLOB_KEY: randomBytes(32).toString('base64'),
      OPENASSURE_PUBLIC_URL: proxy.url,
      // The bench's webhook receiver listens on loopback.
      OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'warn',
      ...settings.env,
    };
    const topology = new Topology(proxy, env, s3, database, dataDir, settings.workerEnv ?? {});
    Object.assign(env, {
      OPENASSURE_BOOTSTRAP_CLIENT_ID: topology.client.clientId,
      OPENASSURE_BOOTSTRAP_CLIENT_SECRET: topology.client.clientSecret,
    });
    try {
      await topology.run(['migrate'], env);
      // The first node creates the bootstrap client and signing key; the others then find them.
      await topology.startApiNode();
      await Promise.all(Array.from({ length: settings.apiNodes - 1 }, () => topology.startApiNode()));
      await Promise.all(Array.from({ length: settings.workers }, () => topology.startWorker()));
    } catch (error) {
      await topology.stop();
      throw error;
    }
    return topology;
  }

  get apiUrls(): string[] {
    return this.nodes.flatMap((node) => (node.role === 'api' && node.url ? [node.url] : []));
  }

  get workers(): NodeProcess[] {
    return this.nodes.filter((node) => node.role === 'worker');
  }

  async startApiNode(): Promise<NodeProcess> {
    const port = await freePort();
    const node = await this.spawnNode('api', ['serve'], {
      ...this.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENASSURE_WORKER_IN_SERVE: 'false',
    });
    node.url = `http://127.0.0.1:${port}`;
    this.proxy.setBackends(this.apiUrls);
    return node;
  }

  startWorker(): Promise<NodeProcess> {
    return this.spawnNode('worker', ['worker'], { ...this.env, ...this.workerEnv });
  }

  /** SIGKILLs a node: no shutdown, no cleanup, as when a machine dies. */
  async kill(node: NodeProcess): Promise<void> {
    this.nodes.splice(this.nodes.indexOf(node), 1);
    if (node.child.exitCode !== null || node.child.signalCode !== null) return;
    const exited = new Promise((resolve) => node.child.once('exit', resolve));
    node.child.kill('SIGKILL');
    await exited;
    this.proxy.setBackends(this.apiUrls);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.splice(0).map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await this.proxy.close();
    await this.s3.stop();
    await dropDatabase(this.database);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Runs a one-off CLI command (e.g. `migrate`) to its end. */
  private async run(args: string[], env: Record<string, string>): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`openassure ${args.join(' ')} exited with ${code}.`);
  }

  /** Starts a long-running node; its logs go to a file in the data directory, not the bench's output. */
  private spawnNode(role: 'api' | 'worker', args: string[], env: Record<string, string>): Promise<NodeProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(this.dataDir, `${role}-${child.pid}.log`));
    child.stderr!.pipe(log);
    const ready = role === 'api' ? /OpenAssure is listening/ : /worker started/;
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`${role} not ready after 90 s:\n${output}`)), 90_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (ready.test(output)) {
          clearTimeout(timer);
          const node: NodeProcess = { role, child };
          this.nodes.push(node);
          resolve(node);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${role} exited with ${code} before it was ready:\n${output}`));
      });
    });
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
