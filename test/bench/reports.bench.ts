// The §10 daily report over a program of 100,000 elections (DESK_BENCH_REPORTS_ELECTIONS to
// change it), each on a certificate of its own among 100,000 record-date certificates, keyed over
// 20 business days: money orders and cleared and uncleared checks, one in ten unsigned, one in
// fifty short. The book is written straight through the repositories in bulk, as an import and
// an issue would write it. Measured on the desk's own SQLite file, as the Reports area draws
// them (one snapshot each: every item read and judged by the engine, the journal head):
//  - reports_daily_ms_100k: the daily report for the last day (its day and the cumulative totals);
//  - reports_holder_listing_ms_100k: the whole holder listing (every certificate's row);
//  - reports_final_ms_100k: the final certified report.
// Each is the median of 3 draws after one warm-up draw; the heap after the draws is reported too.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addBusinessDays, rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { createFirstAdmin } from '../../electron/desk/services/accounts';
import { createProgram } from '../../electron/desk/services/programs';
import { dailyReport } from '../../electron/desk/services/reports/daily';
import { finalReport } from '../../electron/desk/services/reports/final';
import { holderListing } from '../../electron/desk/services/reports/listing';
import { recordTerms } from '../../electron/desk/services/terms';
import { openStore } from '../../electron/desk/store/open-store';
import type { BookStore, NewIntakeRow, NewRegisterEntry } from '../../electron/desk/store/port';
import { writeCertificates, writeRegister } from '../../electron/desk/testing/register-fixture-screens';
import { emit } from './emit';

const AFTER_XO = new Date('2003-12-10T15:00:00.000Z');
const DAYS = 20;

function* entries(rows: number): Generator<NewRegisterEntry> {
  for (let i = 0; i < rows; i++) {
    yield {
      line: i + 2, account: `AC${String(i).padStart(8, '0')}`, class: 'A', registration: [`HOLDER ${i} REGISTERED OWNER`, '', '', ''],
      address1: `${i} Main Street`, address2: '', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US',
      tinType: 'NONE', tinLast4: null, tinEncrypted: null, units: String((i % 9_999) + 100), nominee: '', planShares: '0',
    };
  }
}

async function build(store: BookStore, elections: number): Promise<{ programId: number; lastDay: string }> {
  const admin = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'analytical-engine-1843' });
  const actor = { id: admin.id, username: admin.username };
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  await writeRegister(store, actor, program.id, entries(elections), { rowCount: elections, slice: 20_000 });
  await writeCertificates(store, actor, program.id);
  const certificateIds = await store.read(async (r) => (await r.certificates.list(program.id, {}, 0, elections)).map((c) => c.id));
  let day = '2003-11-10';
  const perDay = Math.ceil(elections / DAYS);
  for (let d = 0; d < DAYS; d++, day = addBusinessDays(day, 1, 'NYSE')) {
    const ids = certificateIds.slice(d * perDay, (d + 1) * perDay);
    await store.change(actor, 'bench.dayLoaded', async (tx, at) => {
      const batchId = await tx.intake.insert('mail_batches', { programId: program.id, receiptDate: day, label: `Mail of ${day}`, openedAt: at, openedBy: admin.id });
      const envelopeId = await tx.intake.insert('envelopes', { batchId, seq: 1, source: 'mail', stampedLocal: `${day}T10:00`, receivedAt: at, itemCount: ids.length, createdAt: at, createdBy: admin.id });
      const base = { programId: program.id, batchId, envelopeId, keyedAt: at, keyedBy: admin.id };
      const keyed: NewIntakeRow<'elections'>[] = ids.map((certificateId, i) => ({ ...base, kind: 'form', certificateId, basicShares: 50, oversubscriptionShares: 0, facts: { signed: i % 10 !== 0 }, voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null }));
      const electionIds = await tx.intake.insertMany('elections', keyed);
      const check = (i: number) => i % 3 !== 0;
      const paymentIds = await tx.intake.insertMany('payments', electionIds.map((electionId, i) => ({
        ...base, electionId, oddLotOrderId: null, method: check(i) ? 'check' : 'money-order', amount: i % 50 === 0 ? '100.00' : '250.00',
        checkNumber: String(100_000 + i), abaRouting: check(i) ? '021000021' : null, bankAccount: check(i) ? String(5_000_000 + i) : null, payer: `HOLDER ${i}`, reference: null,
      })));
      const cleared = paymentIds.filter((_, i) => check(i) && i % 4 !== 0);
      await tx.intake.insertMany('payment_events', cleared.map((paymentId) => ({ paymentId, kind: 'cleared', businessDate: day, reason: null, bankFileId: null, at, createdBy: admin.id })));
      return { payload: { day, elections: electionIds.length }, result: null };
    });
  }
  await store.checkpoint();
  return { programId: program.id, lastDay: addBusinessDays(day, -1, 'NYSE') };
}

async function median(draw: () => Promise<unknown>): Promise<number> {
  await draw();
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await draw();
    samples.push(performance.now() - started);
  }
  return Math.round(samples.sort((a, b) => a - b)[1]!);
}

const elections = Number.parseInt(process.env.DESK_BENCH_REPORTS_ELECTIONS ?? '100000', 10);
const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-reports-'));
try {
  const location = path.join(dir, 'reports.book');
  const store = await openStore(location, { now: () => new Date(), mode: 'create' });
  let t = performance.now();
  const { programId, lastDay } = await build(store, elections);
  process.stderr.write(`wrote ${elections} certificates and elections with their payments in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  await store.close();
  const reading = await openStore(location, { now: () => new Date(), mode: 'open' });
  try {
    let items = 0;
    const daily = await median(async () => {
      const view = await reading.read((r) => dailyReport(r, programId, lastDay, AFTER_XO));
      items = view.cumulative.items + view.cumulative.rejectedItems + view.cumulative.lateItems;
    });
    t = performance.now();
    const listing = await median(() => reading.read((r) => holderListing(r, programId, AFTER_XO)));
    const final = await median(() => reading.read((r) => finalReport(r, programId, AFTER_XO)));
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1_048_576);
    const extra = { elections, items, days: DAYS, store: 'sqlite', heapUsedMb: heapMb };
    emit('reports_daily_ms_100k', daily, 'ms', extra);
    emit('reports_holder_listing_ms_100k', listing, 'ms', extra);
    emit('reports_final_ms_100k', final, 'ms', extra);
  } finally {
    await reading.close();
  }
} finally {
  if (process.env.KEEP_BENCH_BOOK) process.stderr.write(`kept ${dir}\n`); else rmSync(dir, { recursive: true, force: true });
}
