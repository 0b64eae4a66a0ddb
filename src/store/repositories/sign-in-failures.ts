import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Failed sign-ins and lockouts, by key (`email:...`, `ip:...`, `lock:...`). */
export class SignInFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(key: string, at: number): Promise<void> {
    await this.db.insertInto('sign_in_failures').values({ key, at }).execute();
  }

  async count(key: string, since: number): Promise<number> {
    const row = await this.db
      .selectFrom('sign_in_failures')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The newest entry of a key after `since`, or undefined. */
  async latest(key: string, since: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('sign_in_failures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.at;
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  }

  /** Forgets entries older than the longest window they matter in. */
  async prune(before: number): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('at', '<', before).execute();
  }
}
