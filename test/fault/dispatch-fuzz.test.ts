// A fuzz of every IPC channel through desk.dispatch, as the renderer (or anything that got hold
// of it) could call it: wrong types, extra keys, __proto__ / constructor keys, megabyte strings,
// deep nesting, NaN / Infinity / -0 / 1e308, unknown channel names — signed out, as each role, and
// locked. The dispatcher never throws, always answers a well-formed result, never INTERNAL (the
// log stays empty), leaves Object.prototype alone, and the journal grows only by entries the
// accepted (or, for sign-in and unlock, refused) calls account for.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type Channel } from '../../shared/ipc/channels';
import type { ChangeNotice } from '../../shared/ipc/topics';
import { PASSWORD, staffedDesk, type DeskFixture } from '../../electron/desk/testing/desk-harness';
import { scaled, timeoutFor } from './fault-scale';

/** Inputs in all: ≥ 2,000 in CI, ≥ 10,000 (the figure) under `npm run soak`. */
const RUNS = scaled(2_000, 10_000);
const STATES = ['signed-out', 'clerk', 'supervisor', 'admin', 'locked'] as const;
type State = (typeof STATES)[number];
const USER_OF = { clerk: 'carl', supervisor: 'sue', admin: 'ada', locked: 'ada' } as const;

// ---------------------------------------------------------------------------------------------
// What may be journaled for a call: [min, max] entries and the actions allowed, by outcome.

type Rule = { readonly ok: readonly [number, number, RegExp]; readonly failed: readonly [number, number, RegExp] };
const NOTHING: Rule = { ok: [0, 0, /^$/], failed: [0, 0, /^$/] };
const ONE = (action: RegExp): Rule => ({ ok: [1, 1, action], failed: [0, 0, /^$/] });
const RULES: Partial<Record<Channel, Rule>> = {
  'session.createFirstAdmin': { ok: [1, 2, /^(user\.created|session\.signedIn)$/], failed: [0, 0, /^$/] },
  // A refused sign-in or unlock is journaled (and may lock the account, or sign the user out).
  'session.signIn': { ok: [1, 1, /^session\.signedIn$/], failed: [0, 2, /^(session|user)\./] },
  'session.unlock': { ok: [1, 1, /^session\.unlocked$/], failed: [0, 2, /^(session|user)\./] },
  'session.signOut': { ok: [0, 1, /^session\.signedOut$/], failed: [0, 0, /^$/] },
  'session.lock': { ok: [0, 1, /^session\./], failed: [0, 0, /^$/] },
  'session.changePassword': { ok: [1, 1, /^user\.passwordChanged$/], failed: [0, 2, /^(session|user)\./] },
  'users.create': ONE(/^user\.created$/),
  'users.setActive': { ok: [0, 1, /^user\./], failed: [0, 0, /^$/] },
  'users.setRole': { ok: [0, 1, /^user\.roleChanged$/], failed: [0, 0, /^$/] },
  'users.resetPassword': ONE(/^user\.passwordReset$/),
  'programs.create': ONE(/^program\.created$/),
  'terms.record': ONE(/^terms\.recorded$/),
};

// ---------------------------------------------------------------------------------------------
// Inputs

const MB = 1024 * 1024;
const HUGE_STRINGS = ['x'.repeat(MB), '\u0000'.repeat(MB), '😀'.repeat(MB / 2), '\ud800'.repeat(MB), `${'a'.repeat(MB)}\n${'b'.repeat(10)}`, ' '.repeat(MB + 1)];
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}
const DEEP = [nested(100, 'object'), nested(5_000, 'array'), nested(20_000, 'object'), nested(100_000, 'array')];
const NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -1, 0.5, 1, 999_999, 65_536];
/** Keys that reach for the prototype: own properties, as JSON.parse (or structured clone) makes them. */
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin', 'role'];
const poisoned = (key: string, value: unknown): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
};

/** A weird value: what structured clone could deliver, and some JSON could. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...NUMBERS, null, undefined, true, false, '', ' ', '0', '\u0000', '\u202e', 'NaN', '[object Object]', [], {}, [[]], Object.create(null), new Date(NaN), new Map([['a', 1]]), new Set([1]), 1n, new Uint8Array(3)) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...HUGE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...DEEP) },
  { weight: 1, arbitrary: fc.constantFrom(...POISON_KEYS).map((k) => poisoned(k, { polluted: true, role: 'admin' })) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: false, withObjectString: true }) },
);

/**
 * Near-valid inputs per channel, for the fuzz to break one field of (ids of nobody, so no staff
 * member changes). A channel added later and not listed here is still fuzzed, from `{}`.
 */
const NEAR: Partial<Record<Channel, Record<string, unknown>>> = {
  'session.status': {},
  'session.createFirstAdmin': { username: 'eve', displayName: 'Eve', password: PASSWORD },
  'session.signIn': { username: 'nobody', password: 'not the password' },
  'session.signOut': {},
  'session.lock': {},
  'session.touch': {},
  'session.unlock': { password: 'not the password' },
  'session.changePassword': { currentPassword: 'not the password', newPassword: `${PASSWORD} again` },
  'users.list': {},
  'users.create': { username: 'newbie', displayName: 'New Bie', password: PASSWORD, role: 'clerk' },
  'users.setActive': { userId: 999, active: false },
  'users.setRole': { userId: 999, role: 'admin' },
  'users.resetPassword': { userId: 999, password: PASSWORD },
  'programs.list': {},
  'programs.get': { programId: 1 },
  'programs.create': { kind: 'odd-lot', name: 'Fuzz program', issuer: 'Fuzz Inc.', cusip: '594918104', recordDate: '2026-03-02' },
  'terms.history': { programId: 1 },
  'terms.record': { programId: 1, reason: 'Fuzzed terms', terms: { subscriptionPrice: '10.00' } },
  'book.info': {},
  'book.backup': {},
  'book.restore': {},
  'book.openFile': {},
  // Port 1 on the loopback: refused at once, never a wait on the network.
  'book.connect': { host: '127.0.0.1', port: 1, database: 'offering_desk', user: 'desk_clerk', password: 'x', tls: 'disable', remember: false },
  'journal.verify': {},
  'jobs.list': {},
  'jobs.cancel': { jobId: 999 },
  'journal.list': { limit: 5 },
  'find': { query: 'fuzz', limit: 5 },
  'prefs.get': {},
  'prefs.set': { density: 'compact' },
};

const channelName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CHANNEL_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session', 'users.', ' session.status', 'SESSION.STATUS', 'session.status\u0000', '', undefined, null, 42, ['session.status'], { toString: 'session.status' }, HUGE_STRINGS[0]) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const keyOf = (base: Record<string, unknown>): fc.Arbitrary<string> => {
  const keys = Object.keys(base);
  return keys.length === 0 ? fc.constantFrom(...POISON_KEYS, 'extra') : fc.constantFrom(...keys);
};

/** An input for `channel`: a near-valid one with a field broken, an extra key, or anything at all. */
const inputFor = (channel: unknown): fc.Arbitrary<unknown> => {
  const base = (typeof channel === 'string' && Object.prototype.hasOwnProperty.call(NEAR, channel) ? NEAR[channel as Channel] : undefined) ?? (typeof channel === 'string' && CHANNEL_NAMES.includes(channel as Channel) ? {} : { value: 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(keyOf(base), weird).map(([k, v]) => ({ ...base, ...poisoned(k, v) })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...POISON_KEYS, 'extra', ''), weird).map(([k, v]) => ({ ...base, ...poisoned(k, v) })) },
    { weight: 1, arbitrary: fc.constantFrom(...POISON_KEYS).map((k) => Object.assign(JSON.parse(`{${JSON.stringify(k)}:{"polluted":true}}`) as object, base)) },
    { weight: 3, arbitrary: weird },
    // Rarely the near-valid input itself: accepted calls, whose journal entries must add up.
    { weight: 1, arbitrary: fc.constant<unknown>(base) },
  );
};
const call = channelName.chain((channel) => inputFor(channel).map((input) => ({ channel, input })));

// ---------------------------------------------------------------------------------------------

let f: DeskFixture;
const notices: ChangeNotice[] = [];
let startSeq = 0;
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  f = await staffedDesk();
  await f.value('programs.create', { kind: 'rights-offering', name: 'Fuzzed', issuer: 'Fuzz Inc.', cusip: '037833100', recordDate: '2026-03-02' });
  startSeq = await f.journalCount();
  f.desk.onChanged((n) => notices.push(n));
}, 120_000);

afterAll(async () => {
  await f.close();
});

async function status() {
  const r = await f.desk.dispatch('session.status', undefined);
  if (!r.ok) throw new Error(`session.status failed: ${JSON.stringify(r)}`);
  return r.value as { user: { username: string; role: string } | null; locked: boolean };
}

/** Puts the session in `state` (cheap when it is already there; a sign-in when the fuzz moved it). */
async function enter(state: State): Promise<void> {
  const s = await status();
  const want = state === 'signed-out' ? null : USER_OF[state];
  if ((s.user?.username ?? null) === want && s.locked === (state === 'locked')) return;
  if (s.user) await f.desk.dispatch('session.signOut', {});
  if (want === null) return;
  let signIn = await f.desk.dispatch('session.signIn', { username: want, password: PASSWORD });
  if (!signIn.ok) {
    // Refused sign-ins the fuzz made may have locked the account for a while: let the while pass.
    f.clock.advanceMinutes(24 * 60);
    signIn = await f.desk.dispatch('session.signIn', { username: want, password: PASSWORD });
  }
  if (!signIn.ok) throw new Error(`cannot sign ${want} back in: ${JSON.stringify(signIn)}`);
  if (state === 'locked') {
    const lock = await f.desk.dispatch('session.lock', {});
    if (!lock.ok) throw new Error(`cannot lock: ${JSON.stringify(lock)}`);
  }
}

function describeCall(channel: unknown, input: unknown): string {
  const text = (v: unknown): string => {
    try {
      const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
      return s === undefined ? String(v) : s;
    } catch (e) {
      return `<${(e as Error).message}>`;
    }
  };
  return `${text(channel).slice(0, 80)}(${text(input).slice(0, 300)})`;
}

const stats = { calls: 0, accepted: 0, journaled: 0, byCode: new Map<string, number>() };

describe('every IPC channel, fuzzed through desk.dispatch', () => {
  it.each(STATES)(
    `%s: never throws, answers a DeskResult, never INTERNAL, no pollution, only accounted journal entries`,
    async (state) => {
      await fc.assert(
        fc.asyncProperty(call, async ({ channel, input }) => {
          await enter(state);
          const seen = notices.length;
          const where = `${state}: ${describeCall(channel, input)}`;
          let result: unknown;
          let timer: NodeJS.Timeout | undefined;
          try {
            result = await Promise.race([
              f.desk.dispatch(channel, input),
              new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within 20 s: ${where}`)), 20_000))),
            ]);
          } finally {
            clearTimeout(timer);
          }
          stats.calls += 1;
          const r = result as { ok: boolean; value?: unknown; error?: { code: unknown; message: unknown } };
          expect(typeof r === 'object' && r !== null && typeof r.ok === 'boolean', where).toBe(true);
          if (!r.ok) {
            expect(Object.keys(r).sort(), where).toEqual(['error', 'ok']);
            expect(typeof r.error?.code, where).toBe('string');
            expect(typeof r.error?.message, where).toBe('string');
            expect(r.error?.code, `${where}: ${String(r.error?.message)}`).not.toBe('INTERNAL');
            stats.byCode.set(String(r.error?.code), (stats.byCode.get(String(r.error?.code)) ?? 0) + 1);
          } else {
            stats.accepted += 1;
          }
          expect(f.logged.map((l) => `${l.channel}: ${String((l.error as Error)?.stack ?? l.error)}`), where).toEqual([]);
          expect(Object.getOwnPropertyNames(Object.prototype).sort(), where).toEqual(protoBefore);
          expect(({} as Record<string, unknown>)['polluted'], where).toBeUndefined();
          expect(({} as Record<string, unknown>)['role'], where).toBeUndefined();

          const added = notices.slice(seen);
          stats.journaled += added.length;
          const rule = (typeof channel === 'string' && Object.prototype.hasOwnProperty.call(RULES, channel) && RULES[channel as Channel]) || NOTHING;
          const [min, max, action] = r.ok ? rule.ok : rule.failed;
          const actions = added.map((n) => n.action);
          expect(actions.length, `${where} → ${r.ok ? 'ok' : String(r.error?.code)}: journaled ${JSON.stringify(actions)}`).toBeGreaterThanOrEqual(min);
          expect(actions.length, `${where} → ${r.ok ? 'ok' : String(r.error?.code)}: journaled ${JSON.stringify(actions)}`).toBeLessThanOrEqual(max);
          for (const a of actions) expect(a, `${where}: journaled ${a}`).toMatch(action);
        }),
        { numRuns: Math.ceil(RUNS / STATES.length), endOnFailure: true, seed: process.env['FAULT_SEED'] === undefined ? undefined : Number(process.env['FAULT_SEED']) },
      );
    },
    timeoutFor(120_000),
  );

  it('the book holds exactly the entries the desk announced, and its chain verifies', async () => {
    // Let any job the fuzz started (a verification, a cancelled dialog) finish first.
    await enter('admin');
    for (const job of await f.value('jobs.list')) await f.desk.whenFinished(job.jobId).catch(() => undefined);
    const db = new Database(f.bookPath, { readonly: true, fileMustExist: true });
    try {
      const { n } = db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number };
      const actions = notices.map((x) => x.action);
      // enter() signs people in and out itself; those are announced too, like every change.
      expect(n).toBe(startSeq + actions.length);
      expect(notices.map((x) => x.seq)).toEqual(Array.from({ length: notices.length }, (_, i) => startSeq + i + 1));
    } finally {
      db.close();
    }
    const verified = await f.desk.dispatch('journal.verify', {});
    expect(verified.ok).toBe(true);
    const job = await f.desk.whenFinished((verified as { value: { jobId: number } }).value.jobId);
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(f.logged).toEqual([]);
    expect(stats.calls).toBeGreaterThanOrEqual(RUNS);
    console.log(`dispatch fuzz: ${stats.calls} calls, ${stats.accepted} accepted, ${stats.journaled} journal entries; refusals ${JSON.stringify(Object.fromEntries(stats.byCode))}`);
  }, 120_000);
});
