// Durable saves on the book of record: p99 at 1,000,000 holders, and SQLite against lowdb
// (the whole-file JSON store the design rejected) on the same 100,000 holders.
// A save = look a holder up by account + insert a holder event + append a journal entry,
// one transaction, synchronous=FULL (SQLite) / one `await db.write()` (lowdb).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openStore } from '../../electron/desk/store/open-store';
import type { BookStore, JournalActor, NewHolder } from '../../electron/desk/store/port';
import { emit } from './emit';

const BIG = 1_000_000;
const SMALL = 100_000;
const SAVES = 3_000;
const WARMUP = 100;
const LOWDB_SAVES = 30; // each rewrites ~15 MB; more would only make the bench longer
const CUSIPS = ['037833100', '594918104'];

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
const now = () => new Date();

const account = (i: number) => `AC${String(i).padStart(8, '0')}`;
function* holders(programId: number, count: number): Generator<NewHolder> {
  for (let i = 0; i < count; i += 1) {
    yield { programId, account: account(i), name: `Holder ${i} Registered Owner`, address: `${i} Main Street, Springfield, IL 62701`, country: 'US', tinEncrypted: null, shares: (i % 9_999) + 1 };
  }
}

/** A new book with one program holding `count` holders, loaded in one transaction. */
async function loadBook(name: string, count: number, cusip: string): Promise<{ store: BookStore; actor: JournalActor; programId: number }> {
  const store = await openStore(path.join(dir, name), { now });
  const { actor, programId } = await store.change({ id: null, username: null }, 'bench.setup', async (tx, at) => {
    const user = await tx.users.insert({ username: 'clerk', displayName: 'Bench Clerk', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: null });
    const program = await tx.programs.insert({ kind: 'rights-offering', name: 'Bench', issuer: 'Bench Inc.', cusip, recordDate: '2026-01-02', createdAt: at, createdBy: user.id });
    return { payload: {}, result: { actor: { id: user.id, username: user.username }, programId: program.id } };
  });
  const started = performance.now();
  await store.change(actor, 'holders.imported', async (tx) => ({ payload: { programId, count: await tx.holders.insertMany([...holders(programId, count)]) }, result: null }));
  await store.checkpoint(); // as the import job does when it finishes
  process.stderr.write(`loaded ${count} holders into ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return { store, actor, programId };
}

/** Pseudo-random accounts, the same sequence for every store measured. */
function accounts(count: number, n: number): string[] {
  let x = 2463534242;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return account((x >>> 0) % count);
  });
}

async function sqliteSaves(book: Awaited<ReturnType<typeof loadBook>>, which: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const acct of which) {
    const t0 = performance.now();
    await book.store.change(book.actor, 'holder.noted', async (tx, at) => {
      const holder = await tx.holders.byAccount(book.programId, acct);
      if (!holder) throw new Error(`no holder ${acct}`);
      const eventId = await tx.holders.addEvent({ holderId: holder.id, at, kind: 'note', note: 'Called about the rights certificate', createdBy: book.actor.id });
      return { payload: { holderId: holder.id, account: acct, after: { eventId } }, result: eventId };
    });
    times.push(performance.now() - t0);
  }
  return times;
}

interface LowHolder {
  id: number;
  account: string;
  name: string;
  address: string;
  country: string;
  shares: number;
}
interface LowBook {
  holders: LowHolder[];
  events: { holderId: number; at: string; kind: string; note: string }[];
  journal: { seq: number; at: string; action: string; payload: unknown }[];
}

async function lowdbSaves(which: readonly string[]): Promise<number[]> {
  const db = new Low<LowBook>(new JSONFile(path.join(dir, 'lowdb.json')), { holders: [], events: [], journal: [] });
  let id = 0;
  for (const h of holders(1, SMALL)) db.data.holders.push({ id: ++id, account: h.account, name: h.name, address: h.address, country: h.country, shares: h.shares });
  await db.write();
  const byAccount = new Map(db.data.holders.map((h) => [h.account, h])); // a fair lookup, not a scan
  const times: number[] = [];
  for (const acct of which) {
    const t0 = performance.now();
    const holder = byAccount.get(acct);
    if (!holder) throw new Error(`no holder ${acct}`);
    const at = now().toISOString();
    db.data.events.push({ holderId: holder.id, at, kind: 'note', note: 'Called about the rights certificate' });
    db.data.journal.push({ seq: db.data.journal.length + 1, at, action: 'holder.noted', payload: { holderId: holder.id, account: acct } });
    await db.write();
    times.push(performance.now() - t0);
  }
  return times;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function main(): Promise<void> {
  try {
    const big = await loadBook('bench-1m.book', BIG, CUSIPS[0] ?? '');
    const bigRun = (await sqliteSaves(big, accounts(BIG, WARMUP + SAVES))).slice(WARMUP);
    await big.store.close();

    const small = await loadBook('bench-100k.book', SMALL, CUSIPS[1] ?? '');
    const smallRun = (await sqliteSaves(small, accounts(SMALL, WARMUP + SAVES))).slice(WARMUP);
    await small.store.close();
    const lowRun = await lowdbSaves(accounts(SMALL, LOWDB_SAVES));

    const sqliteMedian100k = percentile(smallRun, 50);
    const lowMedian = percentile(lowRun, 50);
    emit('save_p99_ms_1m', round(percentile(bigRun, 99)), 'ms', { saves: SAVES, warmup: WARMUP, holders: BIG, synchronous: 'FULL', target: '<= 1' });
    emit('save_median_ms_1m', round(percentile(bigRun, 50)), 'ms', { saves: SAVES, holders: BIG });
    emit('save_vs_lowdb_ratio_100k', Math.round((lowMedian / sqliteMedian100k) * 10) / 10, 'x', {
      lowdb_saves: LOWDB_SAVES,
      sqlite_saves: SAVES,
      holders: SMALL,
      target: '>= 100',
    });
    emit('sqlite_save_median_ms_100k', round(sqliteMedian100k), 'ms', { saves: SAVES, holders: SMALL });
    emit('lowdb_save_median_ms_100k', round(lowMedian), 'ms', { saves: LOWDB_SAVES, holders: SMALL });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
