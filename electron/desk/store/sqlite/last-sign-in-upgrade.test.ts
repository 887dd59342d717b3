import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, tempDir } from '../../testing/temp';
import { migrate } from './migrate';
import { MIGRATIONS } from './schema';

let t: ReturnType<typeof tempDir>;
const clock = fakeClock();
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

describe('schema version 5 on a book that already has sign-ins', () => {
  it('takes each user’s last sign-in from the journal, and leaves no one a temporary password', () => {
    const db = new Database(t.file('old.book'));
    try {
      migrate(db, clock.now, MIGRATIONS.filter((m) => m.version < 5));
      const add = db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'clerk', 'x', '2026-01-01T00:00:00.000Z')");
      const ada = Number(add.run('ada', 'Ada').lastInsertRowid);
      add.run('bob', 'Bob');
      const entry = db.prepare("INSERT INTO journal (at, user_id, username, action, payload, prev_hash, hash) VALUES (?, ?, 'ada', ?, '{}', 'p', 'h')");
      entry.run('2026-01-02T09:00:00.000Z', ada, 'session.signedIn');
      entry.run('2026-01-05T09:00:00.000Z', ada, 'session.signedIn');
      entry.run('2026-01-06T09:00:00.000Z', ada, 'session.signedOut');

      migrate(db, clock.now, MIGRATIONS.filter((m) => m.version === 5));
      expect(db.prepare('SELECT username, last_signed_in_at AS last, must_change_password AS must FROM users ORDER BY username').all()).toEqual([
        { username: 'ada', last: '2026-01-05T09:00:00.000Z', must: 0 },
        { username: 'bob', last: null, must: 0 },
      ]);
    } finally {
      db.close();
    }
  });
});
