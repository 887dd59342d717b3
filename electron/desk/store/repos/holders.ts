import type { Kysely } from 'kysely';
import type { HolderRecord, HoldersWriter, NewHolder } from '../port';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';

/** Rows per INSERT: many rows per statement, well under both stores' bound-parameter limits. */
const INSERT_CHUNK = 500;

// The encrypted TIN is never selected here: screens get it only through a service that needs it.
export function holdersRepo(db: Kysely<BookTables>, log: RowLog): HoldersWriter {
  return {
    async byAccount(programId, account) {
      const r = await db
        .selectFrom('holders')
        .select(['id', 'program_id', 'account', 'name', 'address', 'country', 'shares'])
        .where('program_id', '=', programId)
        .where('account', '=', account)
        .executeTakeFirst();
      return r && ({ id: r.id, programId: r.program_id, account: r.account, name: r.name, address: r.address, country: r.country, shares: r.shares } satisfies HolderRecord);
    },
    count: async (programId) =>
      Number((await db.selectFrom('holders').where('program_id', '=', programId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    async insertMany(holders: readonly NewHolder[]) {
      if (holders.length === 0) return 0;
      await log.lockForBulk();
      for (let i = 0; i < holders.length; i += INSERT_CHUNK) {
        const rows = holders.slice(i, i + INSERT_CHUNK).map((h) => ({
          program_id: h.programId,
          account: h.account,
          name: h.name,
          address: h.address,
          country: h.country,
          tin_encrypted: h.tinEncrypted === null ? null : Buffer.from(h.tinEncrypted),
          shares: h.shares,
        }));
        const ids = await db.insertInto('holders').values(rows).returning('id').execute();
        log.wrote('holders', ...ids.map((r) => r.id));
      }
      return holders.length;
    },
    async addEvent(e) {
      const { id } = await db
        .insertInto('holder_events')
        .values({ holder_id: e.holderId, at: e.at, kind: e.kind, note: e.note, created_by: e.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('holder_events', id);
      return id;
    },
  };
}
