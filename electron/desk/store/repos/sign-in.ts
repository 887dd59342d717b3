import type { Kysely } from 'kysely';
import type { SignInFailureRecord, SignInFailuresWriter } from '../port';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';

export function signInFailuresRepo(db: Kysely<BookTables>, log: RowLog): SignInFailuresWriter {
  const select = () => db.selectFrom('sign_in_failures').select(['id', 'user_id', 'failures', 'last_failed_at', 'locked_at']);
  const toRecord = (r: { user_id: number; failures: number; last_failed_at: string | null; locked_at: string | null }): SignInFailureRecord => ({
    userId: Number(r.user_id),
    failures: Number(r.failures),
    lastFailedAt: r.last_failed_at,
    lockedAt: r.locked_at,
  });
  return {
    async ofUser(userId) {
      const r = await select().where('user_id', '=', userId).executeTakeFirst();
      return r && toRecord(r);
    },
    locked: async () => (await select().where('locked_at', 'is not', null).orderBy('user_id').execute()).map(toRecord),
    async put(record) {
      const values = { failures: record.failures, last_failed_at: record.lastFailedAt, locked_at: record.lockedAt };
      const existing = await select().where('user_id', '=', record.userId).executeTakeFirst();
      if (existing) {
        await db.updateTable('sign_in_failures').set(values).where('id', '=', existing.id).execute();
        log.wrote('sign_in_failures', existing.id);
        return;
      }
      const { id } = await db.insertInto('sign_in_failures').values({ user_id: record.userId, ...values }).returning('id').executeTakeFirstOrThrow();
      log.wrote('sign_in_failures', id);
    },
  };
}
