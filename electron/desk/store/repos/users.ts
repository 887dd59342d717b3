import type { Kysely, Selectable } from 'kysely';
import type { NewUser, RowWindow, UserRecord, UsersWriter } from '../port';
import type { RowLog } from '../row-digests';
import type { BookTables, UsersTable } from '../tables';
import { searchRepo } from './search';

const toUser = (r: Omit<Selectable<UsersTable>, 'created_by'>): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  mustChangePassword: r.must_change_password === 1,
  lastSignedInAt: r.last_signed_in_at,
});

const COLUMNS = ['id', 'username', 'display_name', 'role', 'active', 'password_hash', 'created_at', 'must_change_password', 'last_signed_in_at'] as const;

export function usersRepo(db: Kysely<BookTables>, log: RowLog): UsersWriter {
  const select = () => db.selectFrom('users').select(COLUMNS);
  const one = async (row: Promise<Omit<Selectable<UsersTable>, 'created_by'> | undefined>) => {
    const r = await row;
    return r && toUser(r);
  };
  return {
    count: async () => Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    activeAdminCount: async () =>
      Number((await db.selectFrom('users').where('role', '=', 'admin').where('active', '=', 1).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    byId: (id) => one(select().where('id', '=', id).executeTakeFirst()),
    byUsername: (username) => one(select().where('username', '=', username).executeTakeFirst()),
    list: async (window?: RowWindow) => {
      let q = select().orderBy('username');
      if (window) q = q.limit(window.limit).offset(window.offset);
      return (await q.execute()).map(toUser);
    },
    async insert(user: NewUser) {
      const row = await db
        .insertInto('users')
        .values({
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          active: 1,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
          created_by: user.createdBy,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      log.wrote('users', row.id);
      await searchRepo(db).index('user', row.id, [row.username, row.display_name]);
      return toUser(row);
    },
    async setActive(id, active) {
      await db.updateTable('users').set({ active: active ? 1 : 0 }).where('id', '=', id).execute();
      log.wrote('users', id);
    },
    async setRole(id, role) {
      await db.updateTable('users').set({ role }).where('id', '=', id).execute();
      log.wrote('users', id);
    },
    async setPassword(id, passwordHash, mustChange) {
      await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 }).where('id', '=', id).execute();
      log.wrote('users', id);
    },
    async recordSignIn(id, at) {
      await db.updateTable('users').set({ last_signed_in_at: at }).where('id', '=', id).execute();
      log.wrote('users', id);
    },
  };
}
