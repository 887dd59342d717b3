// A keyed election form saved through the service (services/intake/elections.ts: the batch and
// envelope checked, the certificate found by number, rights left, the duplicate-certificate and
// duplicate-check warnings looked up, the engine's verdict, the election + its payment + its
// deposit in the escrow ledger + the journal entry, one change) on a book that already holds
// 1,000,000 register entries and certificates and 100,000 elections with their payments and
// deposits. The big book is written straight through the repositories in bulk, as an import and
// an issue would write it, not through the form.
//  - intake_save_p99_ms_1m: on SQLite (the desk's own file);
//  - intake_save_p99_ms_1m_postgres: on PostgreSQL (a server of the bench's own, fsync on), on a
//    smaller book by default (DESK_BENCH_INTAKE_PG_ROWS, 200,000 entries and a tenth as many
//    elections): loading a million rows through the repositories over the network takes long.
// DESK_BENCH_INTAKE_ROWS shrinks the SQLite book for a quick look.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { ElectionDraft } from '../../shared/ipc/intake-forms';
import { createFirstAdmin } from '../../electron/desk/services/accounts';
import { saveElection } from '../../electron/desk/services/intake/elections';
import { addEnvelope, openBatch } from '../../electron/desk/services/intake/mail-log';
import { createProgram } from '../../electron/desk/services/programs';
import { recordTerms } from '../../electron/desk/services/terms';
import { openStore } from '../../electron/desk/store/open-store';
import type { BookStore, JournalActor, NewIntakeRow, NewRegisterEntry } from '../../electron/desk/store/port';
import { startPostgresForBench } from '../../electron/desk/testing/postgres-server';
import { writeCertificates, writeRegister } from '../../electron/desk/testing/register-fixture-screens';
import { emit } from './emit';

const SAVES = 2_000;
const WARMUP = 100;
const AFTER_XO = new Date('2003-12-10T15:00:00.000Z');

function percentile(sorted: readonly number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000) / 1000;
}

function* entries(rows: number): Generator<NewRegisterEntry> {
  for (let i = 0; i < rows; i++) {
    yield {
      line: i + 2, account: `AC${String(i).padStart(8, '0')}`, class: 'A', registration: [`HOLDER ${i} REGISTERED OWNER`, '', '', ''],
      address1: `${i} Main Street`, address2: '', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US',
      tinType: 'NONE', tinLast4: null, tinEncrypted: null, units: String((i % 9_999) + 100), nominee: '', planShares: '0',
    };
  }
}

const number = (i: number) => `RT-${String(i + 1).padStart(6, '0')}`;

/** The book: the XO program and terms, the register and certificates, and `elections` elections on the first certificates with a payment and a deposit each. */
async function build(store: BookStore, rows: number, elections: number): Promise<{ actor: JournalActor; batchId: number; envelopeId: number }> {
  const admin = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'analytical-engine-1843' });
  const actor = { id: admin.id, username: admin.username };
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  let t = performance.now();
  await writeRegister(store, actor, program.id, entries(rows), { rowCount: rows, slice: 20_000 });
  await writeCertificates(store, actor, program.id);
  process.stderr.write(`wrote ${rows} register entries and certificates in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  t = performance.now();
  const batch = await openBatch(store, actor, { programId: program.id, receiptDate: '2003-12-01' }, AFTER_XO);
  const envelope = await addEnvelope(store, actor, { batchId: batch.id, stampedLocal: '2003-12-01T10:00', source: 'mail', itemCount: 500 }, AFTER_XO);
  const certificateIds = await store.read(async (r) => (await r.certificates.list(program.id, {}, 0, elections)).map((c) => c.id));
  await store.change(actor, 'bench.electionsLoaded', async (tx, at) => {
    const base = { programId: program.id, batchId: batch.id, envelopeId: envelope.id, keyedAt: at, keyedBy: admin.id };
    const keyed: NewIntakeRow<'elections'>[] = certificateIds.map((certificateId) => ({ ...base, kind: 'form', certificateId, basicShares: 50, oversubscriptionShares: 0, facts: { signed: true }, voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null }));
    const electionIds = await tx.intake.insertMany('elections', keyed);
    const paymentIds = await tx.intake.insertMany('payments', electionIds.map((electionId, i) => ({ ...base, electionId, oddLotOrderId: null, method: 'check', amount: '250.00', checkNumber: String(100_000 + i), abaRouting: '021000021', bankAccount: String(5_000_000 + i), payer: `HOLDER ${i}`, reference: null })));
    await tx.intake.insertMany('ledger_entries', paymentIds.map((paymentId, i) => ({ programId: program.id, kind: 'deposited', method: 'check', amount: '250.00', businessDate: '2003-12-01', paymentId, electionId: electionIds[i]!, memo: 'Bench load', at, createdBy: admin.id })));
    return { payload: { elections: electionIds.length }, result: null };
  });
  process.stderr.write(`wrote ${elections} elections with their payments and deposits in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  await store.checkpoint();
  return { actor, batchId: batch.id, envelopeId: envelope.id };
}

/** Saves forms on certificates past the loaded elections (no warnings), each with a check of its own; returns the p50/p99 in ms. */
async function measure(store: BookStore, rows: number, elections: number, ids: { actor: JournalActor; batchId: number; envelopeId: number }) {
  const draft = (i: number): ElectionDraft => ({
    batchId: ids.batchId, envelopeId: ids.envelopeId, certificateNumber: number(elections + ((i * 7_919) % (rows - elections))), basicShares: 20, oversubscriptionShares: 0,
    signed: true, signatureMatches: true, allJointHoldersSigned: true, fiduciary: false, capacity: '', fiduciaryEvidence: false, deliverElsewhere: false, medallion: false, taxFormOnFile: true, foreignInstruction: false,
    payments: [{ method: 'check', amount: '100.00', checkNumber: String(900_000 + i), abaRouting: '021000021', bankAccount: String(7_000_000 + i), payer: `HOLDER ${i}` }],
  });
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + SAVES; i++) {
    const started = performance.now();
    const answer = await saveElection(store, ids.actor, draft(i), false);
    const ms = performance.now() - started;
    if (!answer.saved) throw new Error(`save ${i} was not saved: ${answer.warnings.map((w) => w.message).join('; ')}`);
    if (i >= WARMUP) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  // The store's own floor on the same book and machine: a change that writes nothing but its journal entry.
  const empty: number[] = [];
  for (let i = 0; i < SAVES / 2; i++) {
    const started = performance.now();
    await store.change(ids.actor, 'bench.nothing', async () => ({ payload: { i }, result: null }));
    empty.push(performance.now() - started);
  }
  empty.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), emptyChangeP50: percentile(empty, 0.5), emptyChangeP99: percentile(empty, 0.99) };
}

/**
 * What this machine's disk gives for the least a durable change can be: one row inserted and
 * committed with the book's settings (WAL, synchronous=FULL), beside the book. A save's p99 cannot
 * go below it; it is reported with the figure so that a slow disk is not mistaken for slow code.
 */
function commitFloor(dir: string): { p50: number; p99: number } {
  const db = new Database(path.join(dir, 'floor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const samples: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const started = performance.now();
      db.exec('BEGIN IMMEDIATE');
      insert.run(`row ${i}`);
      db.exec('COMMIT');
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
  } finally {
    db.close();
  }
}

interface Measured {
  readonly p50: number;
  readonly p99: number;
  readonly emptyChangeP50: number;
  readonly emptyChangeP99: number;
}

/**
 * Measures in a process of its own on the book just built, as a clerk's desk opens it: the
 * builder's million rows of garbage stay behind, not in the measured saves' collector pauses.
 */
function measureApart(location: string, rows: number, elections: number, ids: { actor: JournalActor; batchId: number; envelopeId: number }): Measured {
  const job = JSON.stringify({ location, rows, elections, ids });
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, DESK_BENCH_INTAKE_MEASURE: job }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`the measuring process failed with exit ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

async function measureHere(job: { location: string; rows: number; elections: number; ids: { actor: JournalActor; batchId: number; envelopeId: number } }): Promise<void> {
  const store = await openStore(job.location, { now: () => new Date(), mode: 'open' });
  try {
    process.stdout.write(JSON.stringify(await measure(store, job.rows, job.elections, job.ids)) + '\n');
  } finally {
    await store.close();
  }
}

async function onSqlite(): Promise<void> {
  const rows = Number.parseInt(process.env.DESK_BENCH_INTAKE_ROWS ?? '1000000', 10);
  const elections = Math.floor(rows / 10);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-intake-'));
  try {
    const location = path.join(dir, 'intake.book');
    const store = await openStore(location, { now: () => new Date(), mode: 'create' });
    const ids = await build(store, rows, elections);
    await store.close();
    const { p50, p99, emptyChangeP50, emptyChangeP99 } = measureApart(location, rows, elections, ids);
    const floor = commitFloor(dir);
    emit('intake_save_p99_ms_1m', p99, 'ms', { p50, saves: SAVES, registerEntries: rows, certificates: rows, elections, store: 'sqlite', target: 10, emptyChangeP50, emptyChangeP99, bareCommitP50: floor.p50, bareCommitP99: floor.p99 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<void> {
  const rows = Number.parseInt(process.env.DESK_BENCH_INTAKE_PG_ROWS ?? '200000', 10);
  const elections = Math.floor(rows / 10);
  const pgBench = await startPostgresForBench();
  try {
    const db = await pgBench.createDatabase({ withAppRole: false });
    const store = await openStore(db.url, { now: () => new Date(), mode: 'create' });
    const ids = await build(store, rows, elections);
    await store.close();
    const { p50, p99, emptyChangeP50, emptyChangeP99 } = measureApart(db.url, rows, elections, ids);
    emit('intake_save_p99_ms_1m_postgres', p99, 'ms', {
      p50, saves: SAVES, registerEntries: rows, certificates: rows, elections, store: 'postgres', emptyChangeP50, emptyChangeP99,
      detail: rows < 1_000_000 ? `a smaller book than the SQLite figure's (${rows.toLocaleString('en-US')} entries, ${elections.toLocaleString('en-US')} elections): loading a million rows through the repositories over the network takes long` : 'the full book',
    });
  } finally {
    await pgBench.stop();
  }
}

const measuring = process.env.DESK_BENCH_INTAKE_MEASURE;
if (measuring !== undefined) await measureHere(JSON.parse(measuring) as Parameters<typeof measureHere>[0]);
else {
  await onSqlite();
  if (process.env.DESK_BENCH_INTAKE_SKIP_PG !== '1') await onPostgres();
}
