// Backups as files: owner-only from the start, crash leftovers swept, a broken chain still copied.
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, listDir, tempDir } from '../../testing/temp';
import { ABANDONED_AFTER_MS, sweepTemporaries, temporarySibling } from '../files';
import { SYSTEM_ACTOR } from '../port';
import { backupBookFile } from './backup';
import { openSqliteBook } from './open';
import { runCli } from '../../testing/cli-run';

let t: ReturnType<typeof tempDir>;
const clock = fakeClock();
beforeEach(() => {
  t = tempDir('desk-backup-');
});
afterEach(() => t.cleanup());

async function book(): Promise<string> {
  const file = t.file('office.book');
  const store = await openSqliteBook(file, { now: clock.now });
  for (const n of [1, 2, 3]) await store.change(SYSTEM_ACTOR, 'test.note', async () => ({ payload: { n }, result: null }));
  await store.close();
  return file;
}

const mode = (file: string) => statSync(file).mode & 0o777;

/** Runs the command line in-process in the test's folder. */
const cli = (...argv: string[]) => runCli(t.dir, ...argv);

/** A file named as the desk names its temporary copies, last written `ageMs` ago. */
function leftover(target: string, purpose: string, ageMs: number, suffix = ''): string {
  const file = `${temporarySibling(target, purpose)}${suffix}`;
  writeFileSync(file, 'password hashes');
  const at = new Date(Date.now() - ageMs);
  utimesSync(file, at, at);
  return path.basename(file);
}

describe('backup copies', () => {
  it('are readable by their owner only, whether the book is open (a worker copies it) or not', async () => {
    const file = await book();
    expect(mode((await backupBookFile(file, t.file('closed-copy.book'))).path)).toBe(0o600);
    const store = await openSqliteBook(file, { now: clock.now });
    try {
      const copy = await store.backup(t.file('open-copy.book'), { overwrite: false });
      expect(mode(copy.path)).toBe(0o600);
      expect(copy.head?.seq).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('sweeps the temporary copies a crash left, and nothing else: not a copy still being written, not a look-alike', async () => {
    const target = t.file('office.book');
    const old = [leftover(target, 'backup', ABANDONED_AFTER_MS * 2), leftover(target, 'backup', ABANDONED_AFTER_MS * 2, '-wal'), leftover(target, 'restore', ABANDONED_AFTER_MS * 3)];
    const fresh = leftover(target, 'backup', 0);
    writeFileSync(t.file('.office.book.notes'), 'mine');
    writeFileSync(t.file('office.book.backup-0123456789ab'), 'not hidden: not ours');
    expect(sweepTemporaries(t.dir).sort()).toEqual(old.sort());
    expect(listDir(t.dir).sort()).toEqual([fresh, '.office.book.notes', 'office.book.backup-0123456789ab'].sort());
  });

  it('a backup sweeps its folder before copying into it', async () => {
    await book();
    const stale = leftover(t.file('copy.book'), 'backup', ABANDONED_AFTER_MS * 2);
    expect((await cli('backup', 'office.book', 'copy.book')).code).toBe(0);
    expect(existsSync(t.file(stale))).toBe(false);
  });

  it('of a book whose chain is broken is still taken, and the command says so and exits 1', async () => {
    const file = await book();
    const raw = new Database(file);
    raw.exec("DROP TRIGGER journal_no_update; UPDATE journal SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2;");
    raw.close();
    const r = await cli('backup', 'office.book', 'evidence.book');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Backed up .* \(\d+ bytes, 4 journal entries\)\.\nhead #1 [0-9a-f]{64}\n$/);
    expect(r.stderr).toBe('the copy was taken, but its journal chain is broken: journal entry #2: hash does not match its content\n');
    expect(existsSync(t.file('evidence.book'))).toBe(true);
  });
});
