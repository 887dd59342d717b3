// A fuzz of every command-line file input: random bytes, truncated and mutated real books and
// scenario files, huge lines, invalid UTF-8, names with control characters — given to verify,
// backup, upgrade and settle in-process. The exit code is always 0, 1 or 2 as the README's
// contract says, stderr is at most one line (never an "internal error"), nothing throws, and a
// book given to verify or backup is left byte-for-byte as it was, with nothing left beside it.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/desk/cli/io';
import { main } from '../../electron/desk/cli/main';
import { openStore } from '../../electron/desk/store/open-store';
import { holderAccount, noteHolder } from '../../electron/desk/testing/save-client';
import { sha256File, tempDir } from '../../electron/desk/testing/temp';
import { scaled, timeoutFor } from './fault-scale';

/** Files in all: ≥ 500 in CI, ≥ 2,000 (the figure) under `npm run soak`. */
const RUNS = scaled(500, 2_000);
const SCENARIOS = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

let t: ReturnType<typeof tempDir>;
let realBook: Buffer;
let scenarios: Buffer[];

beforeAll(async () => {
  t = tempDir('desk-cli-fuzz-');
  // A real book with some of everything: users, a program, holders, holder events.
  const file = t.file('seed.book');
  const store = await openStore(file, { now: () => new Date(), mode: 'create' });
  try {
    const { programId } = await store.change({ id: null, username: null }, 'test.seed', async (tx, at) => {
      await tx.users.insert({ username: 'ada', displayName: 'Ada', role: 'admin', passwordHash: 'h', createdAt: at, createdBy: null });
      const p = await tx.programs.insert({ kind: 'odd-lot', name: 'P', issuer: 'I', cusip: '037833100', recordDate: '2026-01-02', createdAt: at, createdBy: 1 });
      await tx.holders.insertMany(Array.from({ length: 200 }, (_, i) => ({ programId: p.id, account: holderAccount(i), name: `Holder ${i}`, address: 'Main St', country: 'US', tinEncrypted: null, shares: i + 1 })));
      return { payload: {}, result: { programId: p.id } };
    });
    for (let i = 0; i < 20; i += 1) await noteHolder(store, { id: 1, username: 'ada' }, programId, holderAccount(i));
  } finally {
    await store.close();
  }
  realBook = readFileSync(file);
  rmSync(file);
  scenarios = readdirSync(SCENARIOS)
    .filter((n) => n.endsWith('.scenario.json'))
    .map((n) => readFileSync(path.join(SCENARIOS, n)));
  expect(scenarios.length).toBeGreaterThan(0);
}, 120_000);

afterAll(() => t.cleanup());

// ---------------------------------------------------------------------------------------------
// Files

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; bits: number[] }
  | { kind: 'smear'; at: number; bytes: Uint8Array }
  | { kind: 'header'; at: number; byte: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'none' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), bits: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 8, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('smear' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 512 }) }),
  fc.record({ kind: fc.constant('header' as const), at: fc.integer({ min: 0, max: 99 }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 4096 }) }),
  fc.constant({ kind: 'none' as const }),
);

function mutate(source: Buffer, m: Mutation): Buffer {
  const b = Buffer.from(source);
  const pos = (x: number) => Math.min(b.length - 1, Math.floor(x * b.length));
  switch (m.kind) {
    case 'truncate':
      return b.subarray(0, Math.floor(m.at * b.length));
    case 'flip':
      m.at.forEach((x, i) => {
        const p = pos(x);
        b[p] = (b[p] ?? 0) ^ (1 << (m.bits[i] ?? 0));
      });
      return b;
    case 'smear':
      b.set(m.bytes.subarray(0, Math.max(0, b.length - pos(m.at))), pos(m.at));
      return b;
    case 'header':
      if (m.at < b.length) b[m.at] = m.byte;
      return b;
    case 'append':
      return Buffer.concat([b, m.bytes]);
    case 'none':
      return b;
  }
}

const INVALID_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xfe, 0xfe])];

const content: fc.Arbitrary<{ label: string; bytes: () => Buffer }> = fc.oneof(
  { weight: 5, arbitrary: mutation.map((m) => ({ label: `book ${JSON.stringify(m).slice(0, 120)}`, bytes: () => mutate(realBook, m) })) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), mutation).map(([i, m]) => ({ label: `scenario ${i} ${JSON.stringify(m).slice(0, 120)}`, bytes: () => mutate(scenarios[i % scenarios.length] ?? Buffer.from('{}'), m) })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(INVALID_UTF8.length - 1)).map(([i, at, k]) => ({
      label: `scenario ${i} with invalid UTF-8 at ${at}`,
      bytes: () => {
        const s = scenarios[i % scenarios.length] ?? Buffer.from('{}');
        const p = Math.floor(at * s.length);
        return Buffer.concat([s.subarray(0, p), INVALID_UTF8[k] ?? Buffer.from([0xff]), s.subarray(p)]);
      },
    })),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 70_000 }).map((a) => ({ label: `${a.length} random bytes`, bytes: () => Buffer.from(a) })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"a":"', '[', 'SQLite format 3\u0000', '', '{"format":"scenario@1","x":"').map((start) => ({
      label: `a huge line after ${JSON.stringify(start)}`,
      bytes: () => Buffer.concat([Buffer.from(start), Buffer.alloc(2 * 1024 * 1024, 0x61)]),
    })),
  },
  // The SQLite header and then nothing a book has: a "database" of the wrong shape.
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 4096 }).map((a) => ({ label: 'SQLite header + junk', bytes: () => Buffer.concat([realBook.subarray(0, 100), Buffer.from(a)]) })) },
);

/** A file name with control characters, line breaks, escapes, quotes — but a name the file system takes. */
const fileName = fc
  .array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\t', '\u0007', '\u001b[31m', '\u007f', '\u009b', '\u2028', '"', "'", '\\', '$(x)', '%s', 'é', '😀', '.book', '.json', '-'), { maxLength: 12 })
  .map((parts) => `f${parts.join('')}`);

const COMMANDS = ['verify', 'verify --expect', 'backup', 'upgrade', 'settle', 'settle --out'] as const;
const fuzzCase = fc.record({ command: fc.constantFrom(...COMMANDS), content, name: fileName, expectHead: fc.constantFrom('1:' + '0'.repeat(64), '99999:' + 'f'.repeat(64), 'x:y') });

// ---------------------------------------------------------------------------------------------

const exits = new Map<string, number>();

describe('every command-line file input, fuzzed', () => {
  it(
    `verify, backup, upgrade and settle: exit 0/1/2, one line on stderr, nothing thrown, a verified or copied book unchanged`,
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fuzzCase, async ({ command, content: c, name, expectHead }) => {
          n += 1;
          const dir = path.join(t.dir, `case-${n}`);
          const out = path.join(t.dir, `out-${n}`);
          mkdirSync(dir);
          mkdirSync(out);
          try {
            const file = path.join(dir, name);
            writeFileSync(file, c.bytes());
            const before = sha256File(file);
            const [verb, option] = command.split(' ') as [string, string | undefined];
            const argv =
              verb === 'backup' ? ['backup', file, path.join(out, 'copy.book')]
              : option === '--expect' ? ['verify', file, '--expect', expectHead]
              : option === '--out' ? ['settle', file, '--out', path.join(out, 'settlement.json')]
              : [verb, file];
            const stdout: string[] = [];
            const stderr: string[] = [];
            const io: CliIo = { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s), cwd: dir };
            const where = `${command} ${JSON.stringify(name)} (${c.label})`;
            let code: number;
            try {
              code = await main(argv, io);
            } catch (error) {
              throw new Error(`${where}: main threw ${String((error as Error)?.stack ?? error)}`, { cause: error });
            }
            const err = stderr.join('');
            exits.set(`${verb} ${code}`, (exits.get(`${verb} ${code}`) ?? 0) + 1);
            expect([0, 1, 2], `${where}: exit ${code}, stderr ${JSON.stringify(err)}`).toContain(code);
            expect(err === '' || (err.endsWith('\n') && !err.slice(0, -1).includes('\n')), `${where}: stderr ${JSON.stringify(err.slice(0, 500))}`).toBe(true);
            expect(err, where).not.toMatch(/internal error/);
            if (code !== 0) expect(err, `${where}: exit ${code} without a reason`).not.toBe('');
            if (verb === 'verify' || verb === 'backup') {
              expect(sha256File(file), `${where}: the book was changed`).toBe(before);
              expect(readdirSync(dir), `${where}: files left beside the book`).toEqual([name]);
              // A copy is only left when it was taken (exit 0, or 1: a broken chain, copied as evidence).
              if (verb === 'backup' && code === 2) expect(readdirSync(out), `${where}: a refused backup left a file`).toEqual([]);
            }
            if (verb === 'settle') {
              expect(readdirSync(dir), `${where}: files left beside the scenario`).toEqual([name]);
              if (code !== 0) expect(readdirSync(out), `${where}: a refused settle left a file`).toEqual([]);
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
            rmSync(out, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, endOnFailure: true, seed: process.env['FAULT_SEED'] === undefined ? undefined : Number(process.env['FAULT_SEED']) },
      );
      console.log(`command-line fuzz: ${n} files; exits ${JSON.stringify(Object.fromEntries([...exits].sort()))}`);
    },
    timeoutFor(150_000),
  );
});
