// The office database ends a desk's connection in the middle of a change (a restart, an
// administrator, a failover): the change fails and writes nothing, the desk does not crash, and
// its next change works on a new connection.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/test-database';
import { openStore } from '../open-store';
import type { BookStore } from '../port';

let url = '';
let drop: () => Promise<void> = async () => {};
let store: BookStore;

beforeAll(async () => {
  const db = await testDatabase({ withAppRole: false });
  url = db.url;
  drop = () => db.drop();
  store = await openStore(url, { now: () => new Date(), mode: 'create' });
});
afterAll(async () => {
  await store.close();
  await drop();
});

/** Ends every other session on the book's database, as `pg_terminate_backend` does for an administrator. */
async function endOtherSessions(): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    const ended = await admin.query('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return ended.rows.filter((r: { ended: boolean }) => r.ended).length;
  } finally {
    await admin.end();
  }
}

const usernames = () => store.read(async (r) => (await r.users.list()).map((u) => u.username));

describe('a connection the server ends during a change', () => {
  it('fails the change, writes nothing, and the next change works', async () => {
    const crashes: unknown[] = [];
    const heard = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', heard);
    try {
      const failed = store.change({ id: null, username: null }, 'test.user', async (tx, at) => {
        await tx.users.insert({ username: 'lost.in.transit', displayName: 'Lost', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: null });
        expect(await endOtherSessions()).toBeGreaterThan(0);
        // The connection's end arrives while no query is running: it is the connection's own error.
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { payload: {}, result: null };
      });
      await expect(failed).rejects.toMatchObject({ code: 'BOOK_REFUSED', message: expect.stringMatching(/ended the connection before confirming this save .* Look at the book to see whether it was saved before saving again\.$/) });
      expect(crashes).toEqual([]);
    } finally {
      process.off('uncaughtException', heard);
    }

    expect(await usernames()).not.toContain('lost.in.transit');
    await store.change({ id: null, username: null }, 'test.user', async (tx, at) => {
      await tx.users.insert({ username: 'after.restart', displayName: 'After', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: null });
      return { payload: {}, result: null };
    });
    expect(await usernames()).toContain('after.restart');
    expect(await store.verifyJournal()).toMatchObject({ ok: true });
  });
});
