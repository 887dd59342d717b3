// Ctrl+K on a register of 1,000,000 entries, written through the repositories (as an import
// would) into one book: `find` through the desk's handler table (validation, role check, store),
// as the find box asks for it. Queries are a mix of partial names (one and two words), exact
// accounts, TIN last fours and postal codes (5 digits and ZIP+4), picked at random; a query's
// time is from dispatch to answer. DESK_BENCH_REGISTER_ROWS shrinks the register for a quick look.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/desk/desk';
import { createFirstAdmin } from '../../electron/desk/services/accounts';
import { createProgram } from '../../electron/desk/services/programs';
import { openStore } from '../../electron/desk/store/open-store';
import type { NewRegisterEntry } from '../../electron/desk/store/port';
import { writeRegister } from '../../electron/desk/testing/register-fixture-screens';
import { emit } from './emit';

const ROWS = Number.parseInt(process.env.DESK_BENCH_REGISTER_ROWS ?? '1000000', 10);
const QUERIES = 2_000;
const WARMUP = 100;

const FIRST = ['JAMES', 'MARY', 'ROBERT', 'PATRICIA', 'JOHN', 'JENNIFER', 'MICHAEL', 'LINDA', 'DAVID', 'ELIZABETH', 'WILLIAM', 'BARBARA', 'RICHARD', 'SUSAN', 'JOSEPH', 'JESSICA', 'THOMAS', 'SARAH', 'CHARLES', 'KAREN', 'ZOË', 'JOSÉ', 'FRANÇOIS', 'BJÖRN'];
const LAST = ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'JONES', 'GARCIA', 'MILLER', 'DAVIS', 'RODRIGUEZ', 'MARTINEZ', 'HERNANDEZ', 'LOPEZ', 'GONZALEZ', 'WILSON', 'ANDERSON', 'THOMAS', 'TAYLOR', 'MOORE', 'JACKSON', 'MARTIN', 'LEE', 'PEREZ', 'THOMPSON', 'WHITE', 'HARRIS', 'SANCHEZ', 'CLARK', 'RAMIREZ', 'LEWIS', 'ROBINSON', 'ÅNGSTRÖM', 'MÜLLER'];
const STATES = ['IL', 'NY', 'CA', 'TX', 'MA', 'NJ', 'FL', 'WA'];

/** A deterministic pseudo-random sequence (the same register every run). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const account = (i: number) => `AC${String(i).padStart(8, '0')}`;
const zip5 = (i: number) => String(10_000 + ((i * 7919) % 89_000)).padStart(5, '0');
const last4 = (i: number) => String((i * 4099) % 10_000).padStart(4, '0');
/** Spreads i over a range independently of the other columns (murmur3's finaliser), so that first and last names combine freely. */
function spread(i: number, salt: number, n: number): number {
  let h = (i ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % n;
}
const nameOf = (i: number) => [FIRST[spread(i, 0x5bd1, FIRST.length)]!, String.fromCharCode(65 + spread(i, 0x27d4, 26)), LAST[spread(i, 0x9e37, LAST.length)]!, `H${i}`];

function* entries(): Generator<NewRegisterEntry> {
  for (let i = 0; i < ROWS; i++) {
    const [first, middle, last, tag] = nameOf(i);
    const plus4 = i % 3 === 0 ? `-${String(i % 10_000).padStart(4, '0')}` : '';
    yield {
      line: i + 2, account: account(i), class: i % 10 === 0 ? 'B' : 'A', registration: [`${first} ${middle} ${last} ${tag}`, i % 7 === 0 ? 'JT TEN' : '', '', ''],
      address1: `${i} Main Street`, address2: '', city: 'Springfield', state: STATES[i % STATES.length]!, postalCode: zip5(i) + plus4, country: 'US',
      tinType: i % 50 === 0 ? 'EIN' : 'SSN', tinLast4: last4(i), tinEncrypted: null, units: String((i % 9_999) + 1), nominee: '', planShares: '0',
    };
  }
}

function percentile(sorted: readonly number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
}

const dir = process.env.DESK_BENCH_KEEP_DIR ?? mkdtempSync(path.join(os.tmpdir(), "desk-bench-register-"));
try {
  const bookPath = path.join(dir, 'register.book');
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  const admin = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'analytical-engine-1843' });
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'Bench rights', issuer: 'Bench Inc.', cusip: '037833100', recordDate: '2026-03-13' });
  const loadStarted = performance.now();
  await writeRegister(store, { id: admin.id, username: admin.username }, program.id, entries(), { rowCount: ROWS, slice: 20_000 });
  await store.checkpoint();
  process.stderr.write(`wrote ${ROWS} register entries through the repositories in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`);
  await store.close();

  const desk = await openDesk({
    bookPath, prefsPath: path.join(dir, 'prefs.json'),
    host: { chooseSavePath: async () => null, chooseOpenPath: async () => null, chooseFolder: async () => null, logError: (error) => console.error(error), sealSecret: () => null, unsealSecret: () => null },
  });
  const signIn = await desk.dispatch('session.signIn', { username: 'ada', password: 'analytical-engine-1843' });
  if (!signIn.ok) throw new Error(signIn.error.message);

  const random = lcg(42);
  const pick = (n: number) => Math.floor(random() * n);
  const kinds = {
    name1: () => LAST[pick(LAST.length)]!.slice(0, 3 + pick(3)).toLowerCase(),
    name2: () => `${FIRST[pick(FIRST.length)]!.slice(0, 2 + pick(3))} ${LAST[pick(LAST.length)]!.slice(0, 2 + pick(4))}`.toLowerCase(),
    nameRare: () => { const i = pick(ROWS); return `${nameOf(i)[3]!.toLowerCase()} ${nameOf(i)[2]!.slice(0, 3).toLowerCase()}`; },
    nameNone: () => `${FIRST[pick(FIRST.length)]!.slice(0, 3).toLowerCase()} zq${pick(100)}`,
    account: () => account(pick(ROWS)),
    tin: () => last4(pick(ROWS)),
    zip5: () => zip5(pick(ROWS)),
    zip4: () => { const i = pick(ROWS / 3) * 3; return `${zip5(i)}-${String(i % 10_000).padStart(4, '0')}`; },
  } as const;
  const names = Object.keys(kinds) as (keyof typeof kinds)[];
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let empty = 0;
  for (let i = 0; i < WARMUP + QUERIES; i++) {
    const kind = names[i % names.length]!;
    const query = kinds[kind]();
    const started = performance.now();
    const result = await desk.dispatch('find', { query, limit: 20 });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`find ${query}: ${result.error.message}`);
    if ((result.value as unknown[]).length === 0) empty += 1;
    if (i < WARMUP) continue;
    times.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  await desk.close();
  times.sort((a, b) => a - b);
  const perKind = Object.fromEntries([...byKind].map(([k, v]) => [k, percentile([...v].sort((a, b) => a - b), 0.99)]));
  emit('search_p99_ms_1m', percentile(times, 0.99), 'ms', { entries: ROWS, queries: QUERIES, median_ms: percentile(times, 0.5), p99_by_kind_ms: perKind, empty_answers: empty, via: 'desk.dispatch find', store: 'sqlite' });
} finally {
  if (!process.env.DESK_BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true });
}
