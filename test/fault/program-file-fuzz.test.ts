// A fuzz of `program create`'s file: the XO and odd-lot seed files truncated, bit-flipped,
// smeared, given invalid UTF-8, or with a field replaced by any JSON value. The exit code is
// always 0, 1 or 2 (REGISTER.md); exit 2 is one line on stderr, exit 1 lists the file's problems
// one `path: message` a line; never an "internal error"; and a refusal leaves the journal as it was.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/desk/cli/io';
import { main } from '../../electron/desk/cli/main';
import { openStore } from '../../electron/desk/store/open-store';
import { fixtureBytes, fixtureJson, ODD_LOT_PROGRAM_FILE, XO_PROGRAM_FILE } from '../../electron/desk/testing/program-fixtures';
import { tempDir } from '../../electron/desk/testing/temp';
import { scaled, timeoutFor } from './fault-scale';

const RUNS = scaled(300, 2_000);

let t: ReturnType<typeof tempDir>;
beforeAll(async () => {
  t = tempDir('desk-program-fuzz-');
  const store = await openStore(t.file('office.book'), { now: () => new Date(), mode: 'create' });
  await store.close();
});
afterAll(() => t.cleanup());

const SEEDS = [XO_PROGRAM_FILE, ODD_LOT_PROGRAM_FILE];
const INVALID_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82])];

/** Any JSON value, floats and huge strings included. */
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.double(), fc.string({ maxLength: 300 }), fc.constant(null), fc.constant('2003-02-30'), fc.constant('5.001'));

/** A dotted path into a seed file, a few levels deep. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function replaced(doc: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = Array.isArray(doc) ? [...(doc as unknown[])] : { ...(doc as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = replaced((doc as Record<string, unknown>)[head], rest, value);
  return copy;
}

const fileBytes: fc.Arbitrary<{ label: string; bytes: Buffer }> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(), anyJson).map(([s, p, value]) => {
    const doc = fixtureJson(SEEDS[s % SEEDS.length]!);
    const all = paths(doc);
    const path = all[p % all.length]!;
    return { label: `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}`, bytes: Buffer.from(JSON.stringify(replaced(doc, path, value))) };
  }),
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })).map(([s, at]) => {
    const b = fixtureBytes(SEEDS[s % SEEDS.length]!);
    return { label: `truncated at ${at}`, bytes: b.subarray(0, Math.floor(at * b.length)) };
  }),
  fc.tuple(fc.nat(), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 6 })).map(([s, flips]) => {
    const b = Buffer.from(fixtureBytes(SEEDS[s % SEEDS.length]!));
    for (const [at, bit] of flips) {
      const p = Math.min(b.length - 1, Math.floor(at * b.length));
      b[p] = (b[p] ?? 0) ^ (1 << bit);
    }
    return { label: `bits flipped ${JSON.stringify(flips)}`, bytes: b };
  }),
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(INVALID_UTF8.length - 1)).map(([s, at, k]) => {
    const b = fixtureBytes(SEEDS[s % SEEDS.length]!);
    const p = Math.floor(at * b.length);
    return { label: `invalid UTF-8 at ${p}`, bytes: Buffer.concat([b.subarray(0, p), INVALID_UTF8[k]!, b.subarray(p)]) };
  }),
  fc.uint8Array({ maxLength: 4096 }).map((a) => ({ label: `${a.length} random bytes`, bytes: Buffer.from(a) })),
);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: t.dir };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const journalCount = async () => {
  const store = await openStore(t.file('office.book'), { now: () => new Date(), mode: 'open' });
  try {
    return await store.read((r) => r.journal.count());
  } finally {
    await store.close();
  }
};

describe('program create, fuzzed', () => {
  it(
    'exits 0, 1 or 2 as the contract says; a refusal writes nothing',
    async () => {
      const exits = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(fileBytes, async ({ label, bytes }) => {
          writeFileSync(t.file('program.json'), bytes);
          const before = await journalCount();
          const r = await run('program', 'create', 'office.book', 'program.json');
          exits.set(r.code, (exits.get(r.code) ?? 0) + 1);
          expect([0, 1, 2], label).toContain(r.code);
          expect(r.stderr, label).not.toMatch(/internal error/);
          if (r.code === 0) {
            expect(r.stdout, label).toMatch(/^\d+\n$/);
            expect(await journalCount(), label).toBe(before + 1);
            return;
          }
          expect(r.stdout, label).toBe('');
          expect(await journalCount(), label).toBe(before);
          const lines = r.stderr.split('\n').slice(0, -1);
          if (r.code === 2) {
            expect(lines, label).toHaveLength(1);
          } else if (lines[0]?.startsWith('cusip: ')) {
            expect(lines, label).toEqual([expect.stringMatching(/^cusip: A program with CUSIP \S+ already exists in this book/)]);
          } else {
            expect(lines[0], label).toMatch(/^program\.json: \d+ problems?; nothing was written$/);
            // `path: message`, the path a field of the file (an unknown one may be named anything).
            for (const line of lines.slice(1)) expect(line, label).toMatch(/^\S.*?: \S/);
          }
        }),
        { numRuns: RUNS },
      );
      console.log(JSON.stringify({ figure: 'program create fuzz', runs: RUNS, exits: Object.fromEntries(exits) }));
      expect(exits.get(1) ?? 0).toBeGreaterThan(0);
      expect(exits.get(2) ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(300_000),
  );
});
