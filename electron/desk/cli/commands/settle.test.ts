import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../io';
import { main } from '../main';
import { parseSettleArgs, run } from './settle';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
const fixtures = path.join(root, 'test/fixtures/scenarios');
const bin = path.join(root, 'electron/desk/cli/bin.mjs');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-settle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: dir };
  return { io, out, err };
}

/** The command line in-process, through the dispatcher (exit code and stderr as a user sees them). */
async function cli(...argv: string[]) {
  const { io, out, err } = fakeIo();
  const code = await main(['settle', ...argv], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const oneLine = (s: string) => s.endsWith('\n') && !s.slice(0, -1).includes('\n');
const example = () => JSON.parse(readFileSync(path.join(fixtures, 'xo-contract-example.scenario.json'), 'utf8'));
const put = (name: string, content: unknown) => {
  writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
};

describe('offering-desk settle', () => {
  it('prints the settlement JSON (2-space indented, trailing newline) and exits 0', async () => {
    const { io, out, err } = fakeIo();
    const code = await run([path.join(fixtures, 'xo-oversubscribed.scenario.json')], io);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('')).toBe(readFileSync(path.join(fixtures, 'xo-oversubscribed.expected.json'), 'utf8'));
  });

  it('settles the odd-lot notice the same way', async () => {
    const { io, out } = fakeIo();
    expect(await run([path.join(fixtures, 'odd-lot-notice.scenario.json')], io)).toBe(0);
    expect(out.join('')).toBe(readFileSync(path.join(fixtures, 'odd-lot-notice.expected.json'), 'utf8'));
  });

  it('--out FILE writes the settlement there (temp file renamed into place), prints nothing', async () => {
    put('s.json', example());
    const { io, out } = fakeIo();
    expect(await run(['s.json', '--out', 'result.json'], io)).toBe(0);
    expect(out).toEqual([]);
    expect(readFileSync(path.join(dir, 'result.json'), 'utf8')).toBe(readFileSync(path.join(fixtures, 'xo-contract-example.expected.json'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['result.json', 's.json']);
    // --out=FILE works too, and replaces an existing file whole.
    expect(await run(['s.json', '--out=result.json'], fakeIo().io)).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')).format).toBe('offering-desk/settlement@1');
  });

  it('--out into a folder that does not exist: exit 2, one line, nothing left behind', async () => {
    put('s.json', example());
    const r = await cli('s.json', '--out', 'missing/result.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('offering-desk settle: cannot write missing/result.json: no such file\n');
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  const bad: [string, (s: ReturnType<typeof example>) => unknown, string][] = [
    ['bad JSON', () => '{"format": "offering-desk/scenario@1",', 'is not valid JSON'],
    ['wrong format', (s) => ({ ...s, format: 'offering-desk/scenario@0' }), 'format: expected "offering-desk/scenario@1", got the string "offering-desk/scenario@0"'],
    ['not a scenario', () => [1, 2, 3], 'not a scenario: expected a JSON object with "format": "offering-desk/scenario@1"'],
    ['unknown field', (s) => ((s.elections[0].memo = 'x'), s), 'elections[0].memo: unknown field'],
    ['float where a decimal string is due', (s) => ((s.elections[0].payments[0].amount = 615), s), 'elections[0].payments[0].amount: expected a decimal string like "615.00", got the number 615'],
    ['negative amount', (s) => ((s.elections[0].payments[0].amount = '-1.00'), s), 'elections[0].payments[0].amount: must not be negative, got "-1.00"'],
    ['unknown certificate', (s) => ((s.elections[0].certificate = 'RT-404'), s), 'elections[0].certificate: unknown certificate "RT-404"'],
    ['duplicate certificate number', (s) => (s.certificates.push({ ...s.certificates[0] }), s), 'certificates[1].number: duplicate certificate number "RT-000001" (also certificates[0])'],
    ['non-integer share count', (s) => ((s.elections[0].basicShares = 122.5), s), 'elections[0].basicShares: expected a whole number of shares (or null: no number written), got 122.5'],
    ['unknown class', (s) => ((s.certificates[0].class = 'Z'), s), 'certificates[0].class: unknown class "Z"; the program has "A", "B", "C", "T"'],
    ['bad time', (s) => ((s.elections[0].receivedAt = '12/01/2003 10:15'), s), 'elections[0].receivedAt: expected a local time like "2003-12-08T17:00" (YYYY-MM-DDTHH:mm), got the string "12/01/2003 10:15"'],
  ];
  for (const [what, mutate, message] of bad) {
    it(`invalid scenario (${what}): exit 2, one line naming the field, no stack trace`, async () => {
      const content = mutate(example());
      const r = await cli(put('bad.json', content));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toBe(true);
      expect(r.stderr).toContain(message);
      expect(r.stderr.startsWith('offering-desk settle: ')).toBe(true);
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    });
  }

  it('a missing file, a folder, an empty file: exit 2, one line', async () => {
    expect(await cli('nowhere.json')).toEqual({ code: 2, stdout: '', stderr: 'offering-desk settle: cannot read nowhere.json: no such file\n' });
    mkdirSync(path.join(dir, 'folder'));
    expect((await cli('folder')).stderr).toBe('offering-desk settle: cannot read folder: it is a directory\n');
    expect((await cli(put('empty.json', '  \n'))).stderr).toBe('offering-desk settle: empty.json is empty, not a scenario\n');
  });

  it('a JSON error quoting several lines of input is still reported on one line', async () => {
    const r = await cli(put('multi.json', '{\n  "format":\n\n  oops\n}'));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/^offering-desk settle: multi\.json is not valid JSON: /);
  });

  it('unknown flags, missing or extra arguments: exit 2 with the usage on one line', async () => {
    put('s.json', example());
    for (const argv of [['s.json', '--pretty'], ['-x', 's.json'], [], ['s.json', 'other.json'], ['s.json', '--out'], ['s.json', '--out', 'a', '--out', 'b']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(oneLine(r.stderr), argv.join(' ')).toBe(true);
      expect(r.stderr, argv.join(' ')).toContain('usage: offering-desk settle SCENARIO.json [--out FILE]');
    }
    expect(() => parseSettleArgs(['s.json', '--verbose'])).toThrow(CliError);
    expect(parseSettleArgs(['--', '-odd-name.json'])).toEqual({ scenario: '-odd-name.json', out: null, help: false });
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: offering-desk settle SCENARIO.json [--out FILE]');
  });
});

describe('the real offering-desk binary', () => {
  const runBin = (...args: string[]) => spawnSync(process.execPath, [bin, 'settle', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  it('exit 0 and the settlement on stdout; exit 2 and one stderr line without a stack trace for bad input', () => {
    const ok = runBin(path.join(fixtures, 'xo-contract-example.scenario.json'));
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe(readFileSync(path.join(fixtures, 'xo-contract-example.expected.json'), 'utf8'));

    const s = example();
    s.elections[0].payments[0].amount = 615;
    put('float.json', s);
    const float = runBin('float.json');
    expect(float.status).toBe(2);
    expect(float.stdout).toBe('');
    expect(float.stderr).toBe('offering-desk settle: elections[0].payments[0].amount: expected a decimal string like "615.00", got the number 615\n');

    put('broken.json', '{ "format": ');
    const broken = runBin('broken.json');
    expect(broken.status).toBe(2);
    expect(oneLine(broken.stderr)).toBe(true);
    expect(broken.stderr).not.toMatch(/\n\s+at /);

    const flag = runBin('float.json', '--frobnicate');
    expect(flag.status).toBe(2);
    expect(oneLine(flag.stderr)).toBe(true);

    const out = runBin(path.join(fixtures, 'odd-lot-notice.scenario.json'), '--out', 'odd.json');
    expect(out.status).toBe(0);
    expect(existsSync(path.join(dir, 'odd.json'))).toBe(true);
  });
});
