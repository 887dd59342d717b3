import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, tempDir } from '../../testing/temp';
import { verifyLocation } from '../open-store';
import { ROW_DIGESTS_VERSION } from '../row-digests';
import { migrate } from './migrate';
import { openSqliteBook } from './open';
import { MIGRATIONS } from './schema';

let t: ReturnType<typeof tempDir>;
const clock = fakeClock();
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

/** A book of version 5 (no digests) with two users written by that version. */
function oldBook(): string {
  const file = t.file('old.book');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, clock.now, MIGRATIONS.filter((m) => m.version < ROW_DIGESTS_VERSION));
  const add = db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'admin', 'x', 'now')");
  add.run('zoe', 'Zoe');
  add.run('yan', 'Yan');
  db.close();
  return file;
}

describe('a book from before row digests', () => {
  it('verifies with its rows counted as not provable, never failed', async () => {
    const found = await verifyLocation(oldBook());
    expect(found.schemaVersion).toBe(ROW_DIGESTS_VERSION - 1);
    expect(found.rows).toEqual({ proved: 0, unprovable: 2, problems: 0 });
  });

  it('gets a baseline when upgraded: older rows stay not provable, new ones are proved, planted ones above it are named', async () => {
    const file = oldBook();
    const store = await openSqliteBook(file, { now: clock.now });
    await store.change({ id: 1, username: 'zoe' }, 'user.signedIn', async (tx, at) => {
      await tx.users.recordSignIn(2, at);
      return { payload: {}, result: null };
    });
    await store.close();
    const [migrated] = new Database(file, { readonly: true }).prepare("SELECT row_digests FROM journal WHERE action = 'book.migrated'").all() as { row_digests: string }[];
    expect(JSON.parse(migrated?.row_digests ?? '{}')).toEqual({ rows: [], baseline: expect.objectContaining({ users: 2, programs: 0, program_terms: 0, holders: 0, holder_events: 0, register_entries: 0, certificates: 0 }) });
    expect((await verifyLocation(file)).rows).toEqual({ proved: 1, unprovable: 1, problems: 0 });

    const raw = new Database(file);
    raw.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('mallory', 'M', 'admin', 'x', 'now')").run();
    raw.close();
    expect((await verifyLocation(file)).rows).toMatchObject({ unprovable: 1, problems: 1, first: { kind: 'planted', table: 'users', key: 3 } });
  });
});
