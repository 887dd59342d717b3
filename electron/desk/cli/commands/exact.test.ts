// Every command exact: exit 2 and one escaped line for whatever is not a usable file, at once
// (a FIFO or a device is never read), and strict input for settle.
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store';
import { tempDir } from '../../testing/temp';
import { escapeControl, oneLine as toOneLine } from '../io';
import { firstInvalidUtf8, MAX_SCENARIO_BYTES } from './settle';
import { runCli } from '../../testing/cli-run';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('desk-exact-');
});
afterEach(() => t.cleanup());

/** Runs the command line in-process in the test's folder. */
const cli = (...argv: string[]) => runCli(t.dir, ...argv);
const oneLine = (s: string) => s.endsWith('\n') && !s.slice(0, -1).includes('\n');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = path.join(root, 'electron/desk/cli/bin.mjs');

async function book(name = 'office.book'): Promise<string> {
  const store = await openStore(t.file(name), { now: () => new Date(), mode: 'create' });
  await store.close();
  return t.file(name);
}

describe('files that are not books', () => {
  it('a FIFO, /dev/zero and a directory are refused at once by verify and backup: exit 2, one line', async () => {
    await book();
    execFileSync('mkfifo', [t.file('pipe.book')]);
    mkdirSync(t.file('folder.book'));
    for (const [target, reason] of [
      [t.file('pipe.book'), /named pipe \(FIFO\), not a file/],
      ['/dev/zero', /a device, not a file/],
      [t.file('folder.book'), /a directory, not a file/],
    ] as const) {
      for (const argv of [['verify', target], ['backup', target, 'copy.book']]) {
        // The real command, so a read that blocked would show as a timeout here rather than pass.
        const r = spawnSync(process.execPath, [bin, ...argv], { cwd: t.dir, encoding: 'utf8', timeout: 30_000 });
        expect(r.status, argv.join(' ')).toBe(2);
        expect(oneLine(r.stderr), argv.join(' ')).toBe(true);
        expect(r.stderr).toMatch(reason);
      }
    }
  }, 120_000);

  it.skipIf(process.getuid?.() === 0)('an unreadable file is a permission problem: exit 2', async () => {
    const file = await book();
    chmodSync(file, 0o000);
    const r = await cli('verify', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/permission denied/);
  });

  it('a backup into a folder that is not there, or is not a folder: exit 2, one line', async () => {
    await book();
    writeFileSync(t.file('plain'), 'x');
    for (const target of ['missing/copy.book', 'plain/copy.book']) {
      const r = await cli('backup', 'office.book', target);
      expect(r.code, target).toBe(2);
      expect(oneLine(r.stderr), target).toBe(true);
    }
  });

  it('control characters in a file name are escaped, on stdout and stderr', async () => {
    const name = 'bad\nname\u001b[31m.book';
    writeFileSync(t.file(name), 'not a book');
    const r = await cli('verify', name);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain('bad\\nname\\x1b[31m.book');
    const good = await book('good\u0007.book');
    expect((await cli('verify', good)).stdout).toContain('good\\x07.book');
  });

  it('a damaged book is one line: the integrity check\'s first problem and a count', async () => {
    const file = await book();
    const store = await openStore(file, { now: () => new Date(), mode: 'open' });
    await store.change({ id: null, username: null }, 'seed', async (tx, at) => {
      await tx.users.insert({ username: 'ada', displayName: 'Ada', role: 'admin', passwordHash: 'h', createdAt: at, createdBy: null });
      const p = await tx.programs.insert({ kind: 'odd-lot', name: 'P', issuer: 'I', cusip: '037833100', recordDate: '2026-01-02', createdAt: at, createdBy: 1 });
      await tx.holders.insertMany(Array.from({ length: 3000 }, (_, i) => ({ programId: p.id, account: `A${i}`, name: `Holder ${i} with a long name`, address: 'Main St', country: 'US', tinEncrypted: null, shares: i })));
      return { payload: {}, result: null };
    });
    await store.close();
    const image = readFileSync(file);
    const pageSize = image.readUInt16BE(16);
    // Pages full of holders, wherever the schema's history put them (dbstat numbers pages from 1).
    const inspect = new Database(file, { readonly: true });
    const pages = (inspect.prepare("SELECT pageno FROM dbstat WHERE name = 'holders' AND pagetype = 'leaf' ORDER BY pageno LIMIT 4 OFFSET 1").all() as { pageno: number }[]).map((r) => r.pageno - 1);
    inspect.close();
    expect(pages).toHaveLength(4);
    const fd = openSync(file, 'r+');
    // Garbage over the middle of several pages: more than one problem for the check to list.
    for (const page of pages) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize + 100);
    closeSync(fd);
    const r = await cli('verify', file);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/damaged/);
  });

  it('oneLine keeps the first of several lines and counts the rest', () => {
    expect(toOneLine('*** in database main ***\nPage 5: btree bad\nPage 9: bad')).toBe('*** in database main *** (and 2 more lines)');
    expect(escapeControl('a\tb\\c\u009b')).toBe('a\\tb\\\\c\\x9b');
  });
});

describe('settle input', () => {
  it('refuses a FIFO and a device at once, and a file over the size limit before reading it', async () => {
    execFileSync('mkfifo', [t.file('pipe.json')]);
    const run = (file: string) => spawnSync(process.execPath, [bin, 'settle', file], { cwd: t.dir, encoding: 'utf8', timeout: 30_000 });
    let r = run('pipe.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('offering-desk settle: cannot read pipe.json: it is a named pipe (FIFO), not a file\n');
    r = run('/dev/zero');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('offering-desk settle: cannot read /dev/zero: it is a device or socket, not a file\n');
    writeFileSync(t.file('huge.json'), '');
    truncateSync(t.file('huge.json'), MAX_SCENARIO_BYTES + 1); // sparse: no disk used
    const huge = await cli('settle', 'huge.json');
    expect(huge).toMatchObject({ code: 2, stderr: `offering-desk settle: huge.json is ${MAX_SCENARIO_BYTES + 1} bytes, larger than the 256 MiB a scenario may be\n` });
  }, 60_000);

  it('refuses invalid UTF-8 with the byte offset, never as U+FFFD', async () => {
    writeFileSync(t.file('latin1.json'), Buffer.concat([Buffer.from('{"format": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    const r = await cli('settle', 'latin1.json');
    expect(r).toMatchObject({ code: 2, stderr: 'offering-desk settle: latin1.json is not valid UTF-8: the bytes at offset 15 are not a character\n' });
    expect(firstInvalidUtf8(Buffer.from('é€😀', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut short
  });
});
