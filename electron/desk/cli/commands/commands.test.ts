import { journalEntries } from './common';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store';
import { SCHEMA_VERSION } from '../../store/sqlite/schema';
import { SYSTEM_ACTOR } from '../../store/port';
import { listDir, sha256File, tempDir } from '../../testing/temp';
import { runCli } from '../../testing/cli-run';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('desk-cli-');
});
afterEach(() => t.cleanup());

/** Runs the command line in-process in the test's folder. */
const cli = (...argv: string[]) => runCli(t.dir, ...argv);

/** A book with a few journaled changes, closed. */
async function bookWithChanges(name = 'office.book'): Promise<string> {
  expect((await cli('init', name)).code).toBe(0);
  const file = t.file(name);
  const store = await openStore(file, { now: () => new Date('2026-03-02T15:00:00Z'), mode: 'open' });
  for (const n of [1, 2, 3]) await store.change({ id: null, username: 'ada' }, 'test.change', async () => ({ payload: { n, before: { x: n - 1 }, after: { x: n } }, result: null }));
  await store.close();
  return file;
}

const oneLine = (s: string) => s.endsWith('\n') && !s.slice(0, -1).includes('\n');

describe('init', () => {
  it('creates a new book that verifies', async () => {
    const result = await cli('init', 'new.book');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`schema version ${SCHEMA_VERSION}`);
    expect((await cli('verify', 'new.book')).code).toBe(0);
  });

  it('refuses an existing file, leaving it alone', async () => {
    writeFileSync(t.file('taken.book'), 'not mine');
    const hash = sha256File(t.file('taken.book'));
    const result = await cli('init', 'taken.book');
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^offering-desk init: taken\.book already exists/);
    expect(sha256File(t.file('taken.book'))).toBe(hash);
  });

  it('refuses bad arguments and a missing folder with one line', async () => {
    for (const argv of [['init'], ['init', 'a.book', 'b.book'], ['init', '--force'], ['init', 'no/such/folder/x.book']]) {
      const result = await cli(...argv);
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toBe(true);
    }
  });
});

describe('verify', () => {
  it('summarises a sound book and changes nothing, byte for byte, leaving no files beside it', async () => {
    const file = await bookWithChanges();
    const hash = sha256File(file);
    const result = await cli('verify', 'office.book');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/integrity ok, schema version \d+, 4 journal entries, chain intact/);
    expect(sha256File(file)).toBe(hash);
    expect(listDir(t.dir)).toEqual(['office.book']);
  });

  it('names the tampered entry when a payload was edited behind the triggers’ back', async () => {
    const file = await bookWithChanges();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
    raw.prepare(`UPDATE journal SET payload = '{"after":{"x":200},"before":{"x":1},"n":2}' WHERE seq = 3`).run();
    raw.close();
    const result = await cli('verify', 'office.book');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('journal entry #3: hash does not match its content\n');
  });

  it('refuses a corrupt, foreign or newer book with exit 2 and one line', async () => {
    writeFileSync(t.file('junk.book'), Buffer.alloc(4096, 0x20));
    const foreign = new Database(t.file('foreign.db'));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    const newer = await bookWithChanges('newer.book');
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    for (const [name, reason] of [
      ['junk.book', /not a SQLite database/],
      ['foreign.db', /another program/],
      ['newer.book', /newer version/],
      ['missing.book', /cannot be found/],
    ] as const) {
      const hash = existsSync(t.file(name)) ? sha256File(t.file(name)) : null;
      const result = await cli('verify', name);
      expect(result.code, name).toBe(2);
      expect(oneLine(result.stderr), name).toBe(true);
      expect(result.stderr).toMatch(reason);
      if (hash) expect(sha256File(t.file(name))).toBe(hash);
    }
  });
});

describe('backup', () => {
  it('copies a checked snapshot, reading the book only', async () => {
    const file = await bookWithChanges();
    const hash = sha256File(file);
    const result = await cli('backup', 'office.book', 'copy.book');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Backed up .* \(\d+ bytes, 4 journal entries\)/);
    expect(sha256File(file)).toBe(hash);
    expect((await cli('verify', 'copy.book')).code).toBe(0);
    expect(listDir(t.dir)).toEqual(['copy.book', 'office.book']);
  });

  it('copies what a live writer has committed', async () => {
    const file = await bookWithChanges();
    const live = await openStore(file, { now: () => new Date(), mode: 'open' });
    try {
      await live.change(SYSTEM_ACTOR, 'test.live', async () => ({ payload: {}, result: null }));
      expect((await cli('backup', 'office.book', 'live-copy.book')).code).toBe(0);
    } finally {
      await live.close();
    }
    expect((await cli('verify', 'live-copy.book')).stdout).toMatch(/5 journal entries, chain intact/);
  });

  it('refuses to overwrite an existing file, and refuses a broken book', async () => {
    await bookWithChanges();
    writeFileSync(t.file('old.book'), 'precious');
    let result = await cli('backup', 'office.book', 'old.book');
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/already exists/);
    result = await cli('backup', 'old.book', 'x.book');
    expect(result.code).toBe(2);
    expect(existsSync(t.file('x.book'))).toBe(false);
    result = await cli('backup', 'office.book');
    expect(result.code).toBe(2);
  });
});

describe('the real command', () => {
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin.mjs');
  const run = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { cwd: t.dir, encoding: 'utf8' });

  it('exits 0 on a sound book, 1 on a tampered one, 2 with one line and no stack trace on a refused one', async () => {
    const file = await bookWithChanges();
    let result = run('verify', 'office.book');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/chain intact/);

    const raw = new Database(file);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare(`UPDATE journal SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2`).run();
    raw.close();
    result = run('verify', 'office.book');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('journal entry #2: hash does not match its content\n');

    writeFileSync(t.file('junk.book'), 'junk'.repeat(1000));
    result = run('verify', 'junk.book');
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  }, 60_000);
});

describe('journalEntries', () => {
  it('says "entry" for one and "entries" otherwise', () => {
    expect(journalEntries(1)).toBe('1 journal entry');
    expect(journalEntries(0)).toBe('0 journal entries');
    expect(journalEntries(4)).toBe('4 journal entries');
  });
});
