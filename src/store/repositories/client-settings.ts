import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface ClientSettingsRecord {
  clientId: string;
  /** Providers whose inconclusive results go to manual review. */
  reviewInconclusive: string[];
  fourEyes: boolean;
}

/** A client's console settings; a client without a row has the defaults (no review, no four-eyes). */
export class ClientSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(clientId: string): Promise<ClientSettingsRecord> {
    const row = await this.db
      .selectFrom('client_settings')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (!row) return { clientId, reviewInconclusive: [], fourEyes: false };
    return {
      clientId,
      reviewInconclusive: JSON.parse(row.review_inconclusive) as string[],
      fourEyes: row.four_eyes === 1,
    };
  }

  async put(settings: ClientSettingsRecord): Promise<void> {
    const values = {
      review_inconclusive: JSON.stringify(settings.reviewInconclusive),
      four_eyes: settings.fourEyes ? 1 : 0,
    };
    await this.db
      .insertInto('client_settings')
      .values({ client_id: settings.clientId, ...values })
      .onConflict((oc) => oc.column('client_id').doUpdateSet(values))
      .execute();
  }
}
