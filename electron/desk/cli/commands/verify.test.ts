import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store';
import { tempDir } from '../../testing/temp';
import { runCli } from '../../testing/cli-run';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('desk-verify-');
});
afterEach(() => t.cleanup());

/** Runs the command line in-process in the test's folder. */
const cli = (...argv: string[]) => runCli(t.dir, ...argv);

/** A book with an administrator and 14 programs, each in its own change (16 entries), closed. */
async function book(): Promise<string> {
  const file = t.file('office.book');
  let tick = 0;
  const store = await openStore(file, { now: () => new Date(Date.UTC(2026, 2, 2, 15, 0, tick++)), mode: 'create' });
  await store.change({ id: null, username: null }, 'user.created', async (tx, at) => {
    await tx.users.insert({ username: 'ada', displayName: 'Ada', role: 'admin', passwordHash: 'h', createdAt: at, createdBy: null });
    return { payload: {}, result: null };
  });
  for (let i = 1; i <= 14; i += 1) {
    await store.change({ id: 1, username: 'ada' }, 'program.created', async (tx, at) => {
      await tx.programs.insert({ kind: 'odd-lot', name: `Program ${i}`, issuer: 'Issuer', cusip: String(100_000_000 + i), recordDate: '2026-01-02', createdAt: at, createdBy: 1 });
      return { payload: { i }, result: null };
    });
  }
  await store.close();
  return file;
}

const tamper = (file: string, sql: string) => {
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
};
const headOf = (stdout: string) => /^head #(\d+) ([0-9a-f]{64})$/m.exec(stdout);

describe('verify', () => {
  it('proves every row of a sound book and prints its head', async () => {
    await book();
    const r = await cli('verify', 'office.book');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/16 journal entries, chain intact, 15 rows proved\n/);
    expect(headOf(r.stdout)?.[1]).toBe('16');
  });

  it('names a program renamed in the file', async () => {
    tamper(await book(), "UPDATE programs SET name = 'Renamed' WHERE id = 3");
    const r = await cli('verify', 'office.book');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('programs row 3 differs from what journal entry #5 wrote\n');
  });

  it('names an administrator inserted straight into users', async () => {
    tamper(await book(), "INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('mallory', 'M', 'admin', 'x', 'now')");
    const r = await cli('verify', 'office.book');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('users row 2 was written outside the desk: no journal entry wrote it\n');
  });

  it('the last 12 entries deleted with their programs: caught by the witnessed head', async () => {
    await book();
    const witnessed = headOf((await cli('verify', 'office.book')).stdout);
    tamper(t.file('office.book'), 'DROP TRIGGER journal_no_delete; DROP TRIGGER programs_no_delete; DELETE FROM programs WHERE id > 2; DELETE FROM journal WHERE seq > 4;');
    const alone = await cli('verify', 'office.book');
    expect(alone.code).toBe(0);
    expect(headOf(alone.stdout)?.[1]).toBe('4');
    const r = await cli('verify', 'office.book', '--expect', `${witnessed?.[1]}:${witnessed?.[2]}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('journal entry #16, which was witnessed, is missing: the journal ends at #4\n');
  });

  it('--expect: exit 0 on the witnessed head, 1 on a different hash, 2 on a malformed value', async () => {
    await book();
    const head = headOf((await cli('verify', 'office.book')).stdout);
    expect((await cli('verify', 'office.book', '--expect', `${head?.[1]}:${head?.[2]}`)).code).toBe(0);
    expect((await cli('verify', 'office.book', '--expect', `3:${head?.[2]}`)).stderr).toMatch(/^journal entry #3 differs from the witnessed one/);
    for (const bad of ['16', '16:abc', `x:${head?.[2]}`, `0:${head?.[2]}`]) {
      const r = await cli('verify', 'office.book', '--expect', bad);
      expect(r.code, bad).toBe(2);
    }
  });
});
