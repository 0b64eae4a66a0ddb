import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('user data on %s', (kind) => {
  const server = useTestServer(kind);

  async function newDossier(): Promise<string> {
    return (await server().api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
  }

  const fullUserData = {
    firstName: 'Maria Paula',
    lastName: 'Santos Mendes',
    gender: 'F',
    nationality: 'PRT',
    dateOfBirth: '1988-08-18',
    personalIdentificationNumber: '12123456',
    placeOfBirth: 'Aveiro',
    mobile: '+351939393953',
    email: 'enduser@example.com',
    address: { streetAddress: 'Rua Direita 8', postalCode: '3810-088', locality: 'Aveiro', country: 'PRT' },
  };

  it('is set once (201, empty body), read back, and a second set is a 409', async () => {
    const { api } = server();
    const dossierId = await newDossier();
    const path = `/assure/dossiers/${dossierId}/userdata`;
    expect((await api.get(path)).status).toBe(404);
    const created = await api.post(path, { userData: fullUserData });
    expect(created.status).toBe(201);
    expect(created.body.length).toBe(0);
    const read = await api.get(path);
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ dossierId, userData: fullUserData });
    expect((await api.post(path, { userData: { firstName: 'Other' } })).status).toBe(409);
    expect((await api.get(path)).json<{ userData: { firstName: string } }>().userData.firstName).toBe('Maria Paula');
  });

  it('merges an update, removes fields sent as "", and moves updatedAt', async () => {
    const { api, clock } = server();
    const dossierId = await newDossier();
    const path = `/assure/dossiers/${dossierId}/userdata`;
    await api.post(path, { userData: fullUserData });
    const before = (await api.get(path)).json<{ createdAt: string; updatedAt: string }>();
    clock.advance(5000);
    const updated = await api.put(path, {
      userData: { firstName: 'Maria', email: '', gender: '', address: { locality: 'Porto', postalCode: '' } },
    });
    expect(updated.status).toBe(204);
    const after = (await api.get(path)).json<{
      userData: Record<string, unknown>;
      createdAt: string;
      updatedAt: string;
    }>();
    expect(after.userData).toEqual({
      ...fullUserData,
      firstName: 'Maria',
      email: undefined,
      gender: undefined,
      address: { streetAddress: 'Rua Direita 8', locality: 'Porto', country: 'PRT' },
    });
    expect(after.userData).not.toHaveProperty('email');
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it('cannot update or delete user data that does not exist', async () => {
    const { api } = server();
    const dossierId = await newDossier();
    expect((await api.put(`/assure/dossiers/${dossierId}/userdata`, { userData: { firstName: 'A' } })).status).toBe(
      404,
    );
    expect((await api.delete(`/assure/dossiers/${dossierId}/userdata`)).status).toBe(404);
  });

  it('is deleted, after which it can be set again', async () => {
    const { api } = server();
    const path = `/assure/dossiers/${await newDossier()}/userdata`;
    await api.post(path, { userData: { firstName: 'A' } });
    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(path)).status).toBe(404);
    expect((await api.post(path, { userData: { firstName: 'B' } })).status).toBe(201);
  });

  it.each([
    [{ firstName: 'x'.repeat(65) }, 'body.userData.firstName'],
    [{ lastName: 'x'.repeat(65) }, 'body.userData.lastName'],
    [{ gender: 'X' }, 'body.userData.gender must be one of: M, F'],
    [{ dateOfBirth: '18-08-1988' }, 'body.userData.dateOfBirth'],
    [{ dateOfBirth: '1988-02-30' }, 'userData.dateOfBirth must be a real date'],
    [{ nationality: 'PT' }, 'body.userData.nationality'],
    [{ nationality: 'XYZ' }, 'userData.nationality must be an ISO 3166-1 alpha-3'],
    [{ address: { country: 'ZZZ' } }, 'userData.address.country'],
    [{ firstName: 42 }, 'body.userData.firstName must be string'],
  ])('refuses %j with a 400 naming the field', async (userData, detail) => {
    const { api } = server();
    const path = `/assure/dossiers/${await newDossier()}/userdata`;
    const response = await api.post(path, { userData });
    expect(response.status).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain(detail);
    expect((await api.get(path)).status).toBe(404);
  });

  it('accepts names of exactly 64 characters and 0 characters', async () => {
    const { api } = server();
    const path = `/assure/dossiers/${await newDossier()}/userdata`;
    expect((await api.post(path, { userData: { firstName: 'x'.repeat(64), lastName: '' } })).status).toBe(201);
    expect((await api.get(path)).json<{ userData: unknown }>().userData).toEqual({ firstName: 'x'.repeat(64) });
  });

  it('belongs to the dossier owner only', async () => {
    const { api, other } = server();
    const path = `/assure/dossiers/${await newDossier()}/userdata`;
    await api.post(path, { userData: { firstName: 'A' } });
    expect((await other.get(path)).status).toBe(404);
    expect((await other.put(path, { userData: { firstName: 'B' } })).status).toBe(404);
    expect((await other.delete(path)).status).toBe(404);
    expect((await api.get(path)).json<{ userData: { firstName: string } }>().userData.firstName).toBe('A');
  });
});
