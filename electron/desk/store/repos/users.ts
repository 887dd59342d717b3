import type { Database } from 'better-sqlite3';
import type { Role } from '../../../../shared/ipc/schemas';

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly active: boolean;
  readonly passwordHash: string;
  readonly createdAt: string;
}

interface Row {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  password_hash: string;
  created_at: string;
}

const toUser = (r: Row): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

const COLUMNS = 'id, username, display_name, role, active, password_hash, created_at';

export function usersRepo(db: Database) {
  const count = db.prepare('SELECT count(*) AS n FROM users');
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byName = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`);
  const activeAdmins = db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1");
  const insert = db.prepare(
    'INSERT INTO users (username, display_name, role, active, password_hash, created_at, created_by) VALUES (?, ?, ?, 1, ?, ?, ?)',
  );
  const setActive = db.prepare('UPDATE users SET active = ? WHERE id = ?');

  return {
    count: (): number => (count.get() as { n: number }).n,
    activeAdminCount: (): number => (activeAdmins.get() as { n: number }).n,
    byId: (id: number): UserRecord | undefined => {
      const row = byId.get(id) as Row | undefined;
      return row && toUser(row);
    },
    byUsername: (username: string): UserRecord | undefined => {
      const row = byName.get(username) as Row | undefined;
      return row && toUser(row);
    },
    list: (): UserRecord[] => (all.all() as Row[]).map(toUser),
    insert(user: { username: string; displayName: string; role: Role; passwordHash: string; createdAt: string; createdBy: string | null }): UserRecord {
      const info = insert.run(user.username, user.displayName, user.role, user.passwordHash, user.createdAt, user.createdBy);
      const created = byId.get(info.lastInsertRowid) as Row;
      return toUser(created);
    },
    setActive(id: number, active: boolean): void {
      setActive.run(active ? 1 : 0, id);
    },
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;
