import { copyFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store';
import type { BookStore } from '../../store/port';
import { runCli } from '../../testing/cli-run';
import { fixtureBytes, fixtureJson, FIXTURES_DIR, ODD_LOT_PROGRAM_FILE, staffBook, XO_PROGRAM_FILE } from '../../testing/program-fixtures';
import { sha256File, tempDir } from '../../testing/temp';
import { CliError } from '../io';
import { MAX_PROGRAM_FILE_BYTES } from './program';
import { resolveProgram } from './program-arg';

let t: ReturnType<typeof tempDir>;
beforeEach(async () => {
  t = tempDir('desk-program-cli-');
  expect((await runCli(t.dir, 'init', 'office.book')).code).toBe(0);
  const store = await openStore(t.file('office.book'), { now: () => new Date('2026-03-02T15:00:00Z'), mode: 'open' });
  await staffBook(store);
  await store.close();
  copyFileSync(`${FIXTURES_DIR}${XO_PROGRAM_FILE}`, t.file('xo.json'));
  copyFileSync(`${FIXTURES_DIR}${ODD_LOT_PROGRAM_FILE}`, t.file('odd.json'));
});
afterEach(() => t.cleanup());

const cli = (...argv: string[]) => runCli(t.dir, ...argv);
const withBook = async <T>(body: (store: BookStore) => Promise<T>): Promise<T> => {
  const store = await openStore(t.file('office.book'), { now: () => new Date(), mode: 'open' });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
};
const oneLine = (s: string) => s.endsWith('\n') && !s.slice(0, -1).includes('\n');

describe('program create', () => {
  it('runs exactly as the contract says on a new book with no users: the program names no one, the journal says the command line', async () => {
    expect((await cli('init', 'new.book')).code).toBe(0);
    const result = await cli('program', 'create', 'new.book', 'xo.json');
    expect(result).toEqual({ code: 0, stdout: '1\n', stderr: '' });
    const store = await openStore(t.file('new.book'), { now: () => new Date(), mode: 'open' });
    try {
      expect(await store.read((r) => r.users.count())).toBe(0);
      expect(await resolveProgram(store, '983764176')).toMatchObject({ id: 1, createdBy: '(command line)' });
      expect((await store.read((r) => r.terms.history(1))).map((v) => [v.version, v.recordedBy])).toEqual([[1, '(command line)']]);
      const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
      expect(entry).toMatchObject({ action: 'program.created', userId: null, username: null, payload: { terms: { version: 1 }, file: { fileName: 'xo.json' } } });
    } finally {
      await store.close();
    }
    expect((await cli('verify', 'new.book')).code).toBe(0);
  });

  it('creates the XO offering and the odd-lot program, printing each new id; the book verifies', async () => {
    const xo = await cli('program', 'create', 'office.book', 'xo.json', '--by', 'sue');
    expect(xo).toEqual({ code: 0, stdout: '1\n', stderr: '' });
    const odd = await cli('program', 'create', 'office.book', 'odd.json', '--by', 'ada');
    expect(odd).toEqual({ code: 0, stdout: '2\n', stderr: '' });
    await withBook(async (store) => {
      const program = await resolveProgram(store, '983764176');
      expect(program).toMatchObject({ id: 1, kind: 'rights-offering', createdBy: 'sue' });
      const terms = await store.read((r) => r.terms.history(1));
      expect(terms.map((v) => [v.version, v.recordedBy, (v.terms as { businessDays: string }).businessDays])).toEqual([[1, 'sue', 'NYSE+FED']]);
      const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
      expect(entry).toMatchObject({ action: 'program.created', username: 'ada', payload: { file: { fileName: 'odd.json', sha256: sha256File(t.file('odd.json')) } } });
    });
    expect((await cli('verify', 'office.book')).code).toBe(0);
  });

  it('refuses a CUSIP already in the book with exit 1, writing nothing', async () => {
    await cli('program', 'create', 'office.book', 'xo.json', '--by', 'sue');
    const hash = sha256File(t.file('office.book'));
    const again = await cli('program', 'create', 'office.book', 'xo.json', '--by', 'sue');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('cusip: A program with CUSIP 983764176 already exists in this book ("XO Communications 2003 rights offering"); nothing was written\n');
    expect(sha256File(t.file('office.book'))).toBe(hash);
  });

  it('lists every problem of a file by JSON path with exit 1, and the book stays as it was', async () => {
    const program = fixtureJson(XO_PROGRAM_FILE)['program'] as Record<string, unknown>;
    writeFileSync(t.file('bad.json'), JSON.stringify({ ...fixtureJson(XO_PROGRAM_FILE), cusip: '983764170', program: { ...program, maxShares: 4.5, timeZone: 'Mars/Olympus' } }));
    const before = await withBook((s) => s.read((r) => r.journal.count()));
    const result = await cli('program', 'create', 'office.book', 'bad.json', '--by', 'sue');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'bad.json: 3 problems; nothing was written',
      'cusip: the check digit of 983764170 is wrong: after 98376417 it should be 6, not 0',
      'program.timeZone: expected a time zone like "America/New_York", got the string "Mars/Olympus"',
      'program.maxShares: expected a whole number of shares, got 4.5',
      '',
    ]);
    expect(await withBook((s) => s.read((r) => r.journal.count()))).toBe(before);
  });

  it('refuses an unusable file with exit 2 and one line: invalid UTF-8 (with its offset), too large, not JSON, not a program file, missing', async () => {
    const xo = fixtureBytes(XO_PROGRAM_FILE);
    const at = xo.indexOf('Inc.');
    writeFileSync(t.file('latin1.json'), Buffer.concat([xo.subarray(0, at), Buffer.from([0xe9]), xo.subarray(at)]));
    writeFileSync(t.file('huge.json'), Buffer.alloc(MAX_PROGRAM_FILE_BYTES + 1, 0x20));
    writeFileSync(t.file('broken.json'), '{"format": "offering-desk/program@1",');
    writeFileSync(t.file('scenario.json'), JSON.stringify({ format: 'offering-desk/scenario@1' }));
    const expected: [string, RegExp][] = [
      ['latin1.json', new RegExp(`^offering-desk program: latin1\\.json is not valid UTF-8: the bytes at offset ${at} are not a character\\n$`)],
      ['huge.json', /^offering-desk program: huge\.json is 1048577 bytes, larger than the 1 MiB a program file may be\n$/],
      ['broken.json', /^offering-desk program: broken\.json is not valid JSON: /],
      ['scenario.json', /^offering-desk program: scenario\.json is not a program file: format: expected "offering-desk\/program@1", got the string "offering-desk\/scenario@1"\n$/],
      ['nowhere.json', /^offering-desk program: cannot read nowhere\.json: no such file\n$/],
    ];
    for (const [file, message] of expected) {
      const result = await cli('program', 'create', 'office.book', file, '--by', 'sue');
      expect(result.code, file).toBe(2);
      expect(oneLine(result.stderr), file).toBe(true);
      expect(result.stderr).toMatch(message);
    }
  });

  it('refuses a bad invocation with exit 2: --by a clerk or an unknown user, a missing book, a wrong sub-command', async () => {
    const cases: [string[], RegExp][] = [
      [['program', 'create', 'office.book', 'xo.json', '--by'], /--by needs a value/],
      [['program', 'create', 'office.book', 'xo.json', '--by', 'carl'], /a clerk may not create programs/],
      [['program', 'create', 'office.book', 'xo.json', '--by', 'zed'], /the book has no such user/],
      [['program', 'create', 'missing.book', 'xo.json', '--by', 'sue'], /no book at this path/],
      [['program', 'make', 'office.book', 'xo.json'], /expected "program create"/],
      [['program', 'create', 'office.book'], /expected BOOK PROGRAM\.json/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(oneLine(result.stderr), argv.join(' ')).toBe(true);
      expect(result.stderr).toMatch(message);
    }
    expect(await withBook((s) => s.read((r) => r.programs.count()))).toBe(0);
  });
});

describe('resolveProgram', () => {
  it('finds a program by id or by CUSIP, and refuses an unknown one as exit 2', async () => {
    await cli('program', 'create', 'office.book', 'odd.json', '--by', 'sue');
    await withBook(async (store) => {
      expect((await resolveProgram(store, '1')).cusip).toBe('983764838');
      expect((await resolveProgram(store, '983764838')).id).toBe(1);
      for (const arg of ['2', '983764176', 'XO', '0']) {
        const error = await resolveProgram(store, arg).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CliError);
        expect(error).toMatchObject({ exitCode: 2, message: `unknown program "${arg}": no program in this book has that id or CUSIP` });
      }
    });
  });
});
