import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConsoleClient, signInOperator } from '../support/console-client.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('console administration on %s', (kind) => {
  const server = useTestServer(kind);

  it('keeps the audit log append-only at the database itself', async () => {
    const admin = await signInOperator(server(), { role: 'admin' });
    expect((await admin.post('/clients', { name: 'audited', environment: 'sandbox' })).status).toBe(201);
    const { db } = server().app.store;
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(0);
    await expect(db.updateTable('audit_log').set({ operator: 'someone-else' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (kind !== 'sqlite') await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const after = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('audits what admins do and pages and exports the log', async () => {
    // Entries are ordered by time; the test clock moves between the actions.
    const { clock } = server();
    const admin = await signInOperator(server(), { role: 'admin' });
    clock.advance(1000);
    const created = await admin.post('/clients', { name: 'audited', environment: 'live' });
    await new ConsoleClient(server().baseUrl).signIn('=HYPERLINK("x")@example.test', 'wrong');
    const { clientId, clientSecret } = created.json<{ clientId: string; clientSecret: string }>();
    expect(clientSecret.length).toBeGreaterThan(20);

    // A new secret: the old one no longer gets tokens, the new one does.
    clock.advance(1000);
    const rotated = (await admin.post(`/clients/${clientId}/secret`)).json<{ clientSecret: string }>();
    await expect(server().token(clientId, clientSecret)).rejects.toThrow(/401/);
    await expect(server().token(clientId, rotated.clientSecret)).resolves.toEqual(expect.any(String));

    clock.advance(1000);
    const settings = await admin.put(`/clients/${clientId}/settings`, {
      reviewInconclusive: ['onfido'],
      fourEyes: true,
    });
    expect(settings.json()).toEqual({ reviewInconclusive: ['onfido'], fourEyes: true });
    expect((await admin.get(`/clients/${clientId}/settings`)).json()).toEqual(settings.json());
    const unknown = await admin.put(`/clients/${clientId}/settings`, { reviewInconclusive: ['nope'], fourEyes: false });
    expect(unknown.status).toBe(400);

    const page = await admin.get(`/audit?operator=${encodeURIComponent(admin.email!)}&limit=2`);
    const first = page.json<{ items: { action: string; target: string }[]; nextCursor: string }>();
    expect(first.items.map((i) => i.action)).toEqual(['client.settings', 'client.rotateSecret']);
    const rest = (
      await admin.get(`/audit?operator=${encodeURIComponent(admin.email!)}&cursor=${first.nextCursor}`)
    ).json<{
      items: { action: string }[];
    }>();
    expect(rest.items.map((i) => i.action)).toEqual(['client.create', 'session.signIn']);

    const csv = await admin.get('/audit.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('id,at,operator,action,target,before,after');
    expect(csv.text).toContain('client.rotateSecret');
    // A cell a spreadsheet would run as a formula is defused.
    expect(csv.text).toContain(`"'=hyperlink(""x"")@example.test"`);
    expect(csv.text).not.toContain(clientSecret);
  });

  it('redelivers a message as a new delivery of the same body', async () => {
    const admin = await signInOperator(server(), { role: 'admin' });
    const { clientId } = await server().newClient();
    const now = server().clock.now();
    const id = `msg_${'a'.repeat(31)}${kind.length}`;
    await server().app.store.repos.deliveries.insert({
      id,
      clientId,
      endpointId: null,
      processId: null,
      event: 'process.status.changed',
      payload: JSON.stringify({ hello: 'world' }),
      status: 'dead',
      attempts: 3,
      nextAttemptAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const failed = (await admin.get(`/deliveries?clientId=${clientId}&failed=true`)).json<{
      items: { id: string }[];
    }>();
    expect(failed.items.map((d) => d.id)).toEqual([id]);
    server().clock.advance(1000);
    const redelivered = await admin.post(`/deliveries/${id}/redeliver`);
    expect(redelivered.status).toBe(202);
    const copy = await server().app.store.repos.deliveries.findById(redelivered.json<{ id: string }>().id);
    expect(copy).toMatchObject({
      clientId,
      payload: JSON.stringify({ hello: 'world' }),
      status: 'pending',
      attempts: 0,
    });
    const all = (await admin.get(`/deliveries?clientId=${clientId}`)).json<{
      items: { id: string; state: string }[];
    }>();
    expect(all.items.map((d) => d.state)).toEqual(['pending', 'dead']);
  });
});
