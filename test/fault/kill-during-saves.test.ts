// kill -9 while a desk is saving, on both stores: every save the desk was told had committed is in
// the book afterwards, the journal is one verified chain, every row is proved from it, and the book
// opens cleanly every time. On SQLite the kill often lands inside a transaction or while the WAL
// is being written: opening the book must recover it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, verifyLocation } from '../../electron/desk/store/open-store';
import type { JournalActor, NewHolder } from '../../electron/desk/store/port';
import { holderAccount } from '../../electron/desk/testing/save-client';
import { tempDir } from '../../electron/desk/testing/temp';
import { testDatabase } from '../../electron/desk/testing/test-database';
import { scaled, timeoutFor } from './fault-scale';
import type { SaveLoopJob } from './save-loop';

/** Kills per store: 5 in CI, at least 20 (the figure) under `npm run soak`. */
const KILLS = scaled(5, 20);
const HOLDERS = 50;
const LOOP = fileURLToPath(new URL('./save-loop.ts', import.meta.url));
const now = () => new Date();

interface Book {
  readonly url: string;
  /** The ids of every holder event in the book, and how many holder.noted entries its journal has. */
  facts(): Promise<{ events: Set<number>; noted: number }>;
  drop(): Promise<void>;
}

async function sqliteBook(): Promise<Book> {
  const dir = tempDir('desk-kill-');
  const url = dir.file('office.book');
  return {
    url,
    facts: async () => {
      const db = new Database(url, { fileMustExist: true });
      try {
        const events = new Set((db.prepare('SELECT id FROM holder_events').all() as { id: number }[]).map((r) => r.id));
        const { n } = db.prepare("SELECT count(*) AS n FROM journal WHERE action = 'holder.noted'").get() as { n: number };
        return { events, noted: n };
      } finally {
        db.close();
      }
    },
    drop: async () => dir.cleanup(),
  };
}

async function postgresBook(): Promise<Book> {
  const db = await testDatabase({ withAppRole: false });
  const query = async <R extends pg.QueryResultRow>(text: string): Promise<R[]> => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<R>(text)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url: db.url,
    facts: async () => {
      const events = new Set((await query<{ id: number }>('SELECT id FROM holder_events')).map((r) => Number(r.id)));
      const [row] = await query<{ n: string }>("SELECT count(*) AS n FROM journal WHERE action = 'holder.noted'");
      return { events, noted: Number(row?.n ?? 0) };
    },
    drop: () => db.drop(),
  };
}

/** A new book with a clerk, a program and its holders, in one setup change. */
async function seed(url: string): Promise<{ programId: number; actor: JournalActor }> {
  const store = await openStore(url, { now, mode: 'create' });
  try {
    return await store.change({ id: null, username: null }, 'test.setup', async (tx, at) => {
      const clerk = await tx.users.insert({ username: 'clerk.one', displayName: 'Clerk One', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: null });
      const program = await tx.programs.insert({ kind: 'rights-offering', name: 'Kill -9', issuer: 'Crash Inc.', cusip: '037833100', recordDate: '2026-01-02', createdAt: at, createdBy: clerk.id });
      const holders: NewHolder[] = Array.from({ length: HOLDERS }, (_, i) => ({
        programId: program.id,
        account: holderAccount(i),
        name: `Holder ${i}`,
        address: `${i} Main Street`,
        country: 'US',
        tinEncrypted: null,
        shares: i + 1,
      }));
      await tx.holders.insertMany(holders);
      return { payload: { programId: program.id }, result: { programId: program.id, actor: { id: clerk.id, username: clerk.username } } };
    });
  } finally {
    await store.close();
  }
}

/**
 * Starts the save loop, waits until it has acknowledged at least one save, lets it run for a
 * random while more, then SIGKILLs it. Resolves with every id it acknowledged before it died.
 */
async function saveUntilKilled(job: SaveLoopJob, rand: () => number): Promise<{ acked: number[]; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  const acked: number[] = [];
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let timer: NodeJS.Timeout | undefined;
  let killAt: number | null = null;
  // 0–600 ms after the first acknowledged save: early, mid-run, between and inside transactions.
  const delay = Math.floor(rand() * 600);
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const message = JSON.parse(line) as { ready?: true; acked?: number };
    if (message.acked !== undefined) {
      acked.push(message.acked);
      if (killAt === null) {
        killAt = Date.now() + delay;
        timer = setTimeout(() => child.kill('SIGKILL'), delay);
      }
    }
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const { code, signal } = await closed;
  clearTimeout(guard);
  clearTimeout(timer);
  // Every line the child wrote before it died is read before 'close'.
  if (signal !== 'SIGKILL' || killAt === null) throw new Error(`the save loop ended by itself (${code ?? signal}) after ${acked.length} saves:\n${stderr}`);
  return { acked, stderr };
}

/** xorshift32: the same kill moments for the same seed, printed when a run fails. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const books: Book[] = [];
afterAll(async () => {
  for (const book of books.splice(0)) await book.drop();
});

describe.each([
  ['SQLite', sqliteBook],
  ['PostgreSQL', postgresBook],
] as const)('kill -9 during acknowledged saves on %s', (_name, make) => {
  it(
    `keeps every acknowledged save across ${KILLS} kills; the book opens, its chain verifies and its rows prove each time`,
    async () => {
      const book = await make();
      books.push(book);
      const { programId, actor } = await seed(book.url);
      const seed0 = Number(process.env['FAULT_SEED'] ?? Date.now() % 2 ** 31);
      const rand = random(seed0);
      const everAcked: number[] = [];
      for (let kill = 1; kill <= KILLS; kill += 1) {
        const where = `kill ${kill}/${KILLS} (FAULT_SEED=${seed0})`;
        const { acked } = await saveUntilKilled({ url: book.url, programId, holders: HOLDERS, actor, seed: seed0 + kill }, rand);
        everAcked.push(...acked);

        // The book opens cleanly (on SQLite this is where a torn WAL is recovered)…
        const store = await openStore(book.url, { now, mode: 'open' });
        try {
          const chain = await store.verifyJournal();
          expect(chain, where).toMatchObject({ ok: true });
        } finally {
          await store.close();
        }
        // …nothing is left beside a closed book file…
        if (!book.url.startsWith('postgres')) {
          expect(existsSync(`${book.url}-wal`), `${where}: a WAL left beside the closed book`).toBe(false);
          expect(existsSync(`${book.url}-journal`), `${where}: a rollback journal left beside the closed book`).toBe(false);
        }
        // …every acknowledged save is there, and at most one more per kill (committed, not yet acknowledged)…
        const { events, noted } = await book.facts();
        expect(
          everAcked.filter((id) => !events.has(id)),
          `${where}: acknowledged but missing`,
        ).toEqual([]);
        expect(noted, where).toBe(events.size);
        expect(events.size - everAcked.length, where).toBeGreaterThanOrEqual(0);
        expect(events.size - everAcked.length, where).toBeLessThanOrEqual(kill);
        // …and the verify command's proof holds: the chain, and every row against the journal's digests.
        const proof = await verifyLocation(book.url);
        expect(proof.chain, where).toMatchObject({ ok: true });
        expect(proof.rows, where).not.toBeNull();
        expect(proof.rows?.problems, `${where}: ${JSON.stringify(proof.rows?.first)}`).toBe(0);
        expect(proof.head?.seq, where).toBe(2 + events.size); // book.created, test.setup, one per save
      }
      expect(everAcked.length).toBeGreaterThanOrEqual(KILLS);
      expect(new Set(everAcked).size).toBe(everAcked.length);
    },
    timeoutFor(120_000),
  );
});
