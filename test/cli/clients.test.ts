import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { createTestEnvironment, type TestEnvironment } from '../support/stores.js';
import { runCli } from './run-cli.js';

describe.each(storeKinds)('openassure clients on %s', (kind) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(kind);
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('creates, lists and deletes clients', async () => {
    const created = await runCli(['clients', 'create', '--name', 'acme', '--environment', 'live', '--json'], env.env);
    expect(created.code, created.stderr).toBe(0);
    const credentials = JSON.parse(created.stdout) as { clientId: string; clientSecret: string; environment: string };
    expect(Object.keys(credentials).sort()).toEqual(['clientId', 'clientSecret', 'environment']);
    expect(credentials.environment).toBe('live');
    expect(credentials.clientSecret.length).toBeGreaterThanOrEqual(40);

    const sandbox = await runCli(['clients', 'create', '--name', 'dev'], env.env);
    expect(sandbox.stdout).toMatch(/Created sandbox client sandbox-/);

    const listed = await runCli(['clients', 'list', '--json'], env.env);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { clientId: string; name: string });
    expect(rows.map((r) => r.name).sort()).toEqual(['acme', 'dev']);
    expect(listed.stdout).not.toContain(credentials.clientSecret);

    const deleted = await runCli(['clients', 'delete', credentials.clientId], env.env);
    expect(deleted.code).toBe(0);
    const after = await runCli(['clients', 'list'], env.env);
    expect(after.stdout).not.toContain(credentials.clientId);
    expect((await runCli(['clients', 'delete', credentials.clientId], env.env)).code).toBe(2);
  });

  // Five runs of the CLI from source: slow on a loaded machine, hence the longer timeout.
  it("sets a client's own retention, and back to the server's", { timeout: 240_000 }, async () => {
    const created = await runCli(['clients', 'create', '--name', 'keeper', '--json'], env.env);
    const { clientId } = JSON.parse(created.stdout) as { clientId: string };
    const listed = async () => {
      const lines = (await runCli(['clients', 'list', '--json'], env.env)).stdout.trim().split('\n');
      const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      return rows.find((row) => row.clientId === clientId);
    };
    const set = await runCli(['clients', 'retention', clientId, '90'], env.env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/90 days/);
    expect(await listed()).toMatchObject({ retentionDays: 90 });
    expect((await runCli(['clients', 'retention', clientId, 'default'], env.env)).code).toBe(0);
    const bad = await runCli(['clients', 'retention', clientId, 'ninety'], env.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/number of days/);
    expect(await listed()).toMatchObject({ retentionDays: null });
  });

  it('explains wrong usage with exit code 2', async () => {
    const missing = await runCli(['clients', 'create'], env.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--name/);
    const environment = await runCli(['clients', 'create', '--name', 'x', '--environment', 'prod'], env.env);
    expect(environment.stderr).toMatch(/sandbox or live/);
    expect((await runCli(['frobnicate'], env.env)).code).toBe(2);
  });

  it('migrates, and fails fast on bad configuration naming every problem', async () => {
    const migrated = await runCli(['migrate'], env.env);
    expect(migrated.code, migrated.stderr).toBe(0);
    const bad = await runCli(['migrate'], { ...env.env, PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/PORT must be an integer/);
    expect(bad.stderr).toMatch(/DATABASE_URL must be a postgres/);
  });
});
