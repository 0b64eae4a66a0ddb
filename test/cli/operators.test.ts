import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/stores.js';
import { runCli } from './run-cli.js';

// The command is a thin layer over the operator service, which the console API tests run on every store
// kind; each CLI run starts a whole Node process, so this suite runs on SQLite only.
describe('openassure operators', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('sqlite');
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('creates operators with a generated password, lists, resets and deletes them', { timeout: 300_000 }, async () => {
    const created = await runCli(
      ['operators', 'create', '--email', 'Ann@Example.test', '--role', 'admin', '--json'],
      env.env,
    );
    expect(created.code, created.stderr).toBe(0);
    const admin = JSON.parse(created.stdout) as { email: string; password: string; role: string };
    expect(Object.keys(admin).sort()).toEqual(['email', 'password', 'role']);
    expect(admin).toMatchObject({ email: 'ann@example.test', role: 'admin' });
    expect(admin.password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const other = await runCli(['operators', 'create', '--email', 'bob@example.test', '--role', 'viewer'], env.env);
    expect(other.stdout).toMatch(/Password \(shown only now\): [A-Za-z0-9_-]{24}/);

    const listed = await runCli(['operators', 'list', '--json'], env.env);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { email: string; role: string; totpEnrolled: boolean });
    expect(rows.map((r) => [r.email, r.role])).toEqual([
      ['ann@example.test', 'admin'],
      ['bob@example.test', 'viewer'],
    ]);
    expect(listed.stdout).not.toMatch(/password|argon2/i);

    const reset = await runCli(['operators', 'reset-password', 'ann@example.test', '--json'], env.env);
    expect(reset.code, reset.stderr).toBe(0);
    expect(JSON.parse(reset.stdout)).toEqual({ email: 'ann@example.test', password: expect.any(String) });
    expect(reset.stdout).not.toContain(admin.password);

    expect((await runCli(['operators', 'delete', 'bob@example.test'], env.env)).code).toBe(0);
    const again = await runCli(['operators', 'delete', 'bob@example.test'], env.env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Operator not found/);
  });

  it('explains wrong usage with exit code 2', { timeout: 300_000 }, async () => {
    const role = await runCli(['operators', 'create', '--email', 'x@example.test', '--role', 'root'], env.env);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/admin, reviewer, viewer/);
    const client = await runCli(
      ['operators', 'create', '--email', 'y@example.test', '--role', 'viewer', '--clients', 'nope'],
      env.env,
    );
    expect(client.code).toBe(2);
    expect(client.stderr).toMatch(/Client nope not found/);
  });
});
