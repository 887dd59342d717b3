import type { Kysely } from 'kysely';
import type { TinsReader } from '../port-tins';
import type { BookTables } from '../tables';

export function tinsRepo(db: Kysely<BookTables>): TinsReader {
  return {
    async sealed(entryId) {
      const r = await db
        .selectFrom('register_entries')
        .select(['id', 'program_id', 'account', 'tin_type', 'tin_last4', 'tin_encrypted'])
        .where('id', '=', entryId)
        .executeTakeFirst();
      return (
        r && {
          entryId: Number(r.id),
          programId: Number(r.program_id),
          account: r.account,
          tinType: r.tin_type,
          tinLast4: r.tin_last4,
          sealed: r.tin_encrypted === null ? null : new Uint8Array(r.tin_encrypted),
        }
      );
    },
  };
}
