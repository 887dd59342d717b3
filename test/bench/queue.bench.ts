// The supervisor's queue on a program of 100,000 elections (SQLite, the desk's own file): every
// tenth form is unsigned, so 10,000 items are in the queue.
//  - queue_read_ms_100k: the first page, reading and assessing the whole program (cache cold);
//  - queue_page_ms_100k_cached: a page with another filter while the journal has not moved (median);
//  - queue_item_open_ms_100k: one item opened with its history (median);
//  - queue_decide_ms_100k: one decision, the item re-read alone under the writers' lock (median);
//  - queue_read_after_decision_ms_100k: the first page after a decision (only the decided item is read again);
//  - queue_read_after_payment_ms_100k: the first page after another kind of change (the whole program is read again).
// DESK_BENCH_QUEUE_ELECTIONS shrinks the program for a quick look.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { queueFilterSchema } from '../../shared/ipc/queue';
import type { SessionUser } from '../../shared/ipc/types';
import { createFirstAdmin, createUser } from '../../electron/desk/services/accounts';
import { addEnvelope, openBatch } from '../../electron/desk/services/intake/mail-log';
import { createProgram } from '../../electron/desk/services/programs';
import { decideItem } from '../../electron/desk/services/supervision/decide';
import { openItem } from '../../electron/desk/services/supervision/item-file';
import { listQueue } from '../../electron/desk/services/supervision/queue';
import { recordTerms } from '../../electron/desk/services/terms';
import { openStore } from '../../electron/desk/store/open-store';
import type { BookStore, NewIntakeRow, NewRegisterEntry } from '../../electron/desk/store/port';
import { writeCertificates, writeRegister } from '../../electron/desk/testing/register-fixture-screens';
import { emit } from './emit';

const ELECTIONS = Number(process.env.DESK_BENCH_QUEUE_ELECTIONS ?? 100_000);
const AFTER_XO = new Date('2003-12-10T15:00:00.000Z');
const NOW = new Date('2003-12-05T15:00:00.000Z');
const SAMPLES = 20;

function* entries(rows: number): Generator<NewRegisterEntry> {
  for (let i = 0; i < rows; i++) {
    yield {
      line: i + 2, account: `AC${String(i).padStart(8, '0')}`, class: 'A', registration: [`HOLDER ${i} REGISTERED OWNER`, '', '', ''],
      address1: `${i} Main Street`, address2: '', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US',
      tinType: 'NONE', tinLast4: null, tinEncrypted: null, units: String((i % 9_999) + 100), nominee: '', planShares: '0',
    };
  }
}

async function build(store: BookStore): Promise<{ programId: number; checker: SessionUser }> {
  const admin = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'analytical-engine-1843' });
  const actor = { id: admin.id, username: admin.username };
  const vera = await createUser(store, admin, { username: 'vera', displayName: 'Vera Checker', password: 'analytical-engine-1843', role: 'supervisor' });
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  await writeRegister(store, actor, program.id, entries(ELECTIONS), { rowCount: ELECTIONS, slice: 20_000 });
  await writeCertificates(store, actor, program.id);
  const batch = await openBatch(store, actor, { programId: program.id, receiptDate: '2003-12-01' }, AFTER_XO);
  const envelope = await addEnvelope(store, actor, { batchId: batch.id, stampedLocal: '2003-12-01T10:00', source: 'mail', itemCount: 500 }, AFTER_XO);
  const certificateIds = await store.read(async (r) => (await r.certificates.list(program.id, {}, 0, ELECTIONS)).map((c) => c.id));
  await store.change(actor, 'bench.electionsLoaded', async (tx, at) => {
    const base = { programId: program.id, batchId: batch.id, envelopeId: envelope.id, keyedAt: at, keyedBy: admin.id };
    const keyed: NewIntakeRow<'elections'>[] = certificateIds.map((certificateId, i) => ({
      ...base, kind: 'form', certificateId, basicShares: 50, oversubscriptionShares: 0, facts: { signed: i % 10 !== 0, signatureMatchesRegistration: true, allJointHoldersSigned: true, taxFormOnFile: true },
      voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null,
    }));
    const electionIds = await tx.intake.insertMany('elections', keyed);
    await tx.intake.insertMany('payments', electionIds.map((electionId, i) => ({ ...base, electionId, oddLotOrderId: null, method: 'money-order', amount: '250.00', checkNumber: String(100_000 + i), abaRouting: null, bankAccount: null, payer: `HOLDER ${i}`, reference: null })));
    return { payload: { elections: electionIds.length }, result: null };
  });
  await store.checkpoint();
  return { programId: program.id, checker: { id: vera.id, username: vera.username, displayName: vera.displayName, role: vera.role } };
}

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
async function timed<T>(body: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await body();
  return [performance.now() - started, value];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'queue-bench-'));
try {
  const store = await openStore(path.join(dir, 'desk.book'), { now: () => NOW, mode: 'create' });
  const { programId, checker } = await build(store);
  const filter = (more = {}) => queueFilterSchema.parse({ programId, ...more });
  const [cold, first] = await timed(() => listQueue(store, filter(), 0, 50, NOW));
  if (first.total !== Math.ceil(ELECTIONS / 10)) throw new Error(`the queue holds ${first.total} items, not ${Math.ceil(ELECTIONS / 10)}`);
  emit('queue_read_ms_100k', Math.round(cold), 'ms', { elections: ELECTIONS, inQueue: first.total });
  const pages: number[] = [];
  for (let i = 0; i < SAMPLES; i++) pages.push((await timed(() => listQueue(store, filter({ code: 'UNSIGNED', minAge: i % 3 }), i * 50, 50, NOW)))[0]);
  emit('queue_page_ms_100k_cached', median(pages), 'ms', { samples: SAMPLES });
  const opens: number[] = [];
  for (let i = 0; i < SAMPLES; i++) opens.push((await timed(() => openItem(store, checker, programId, first.rows[i % first.rows.length]!.ref, NOW)))[0]);
  emit('queue_item_open_ms_100k', median(opens), 'ms', { samples: SAMPLES });
  const decides: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const ref = first.rows[i]!.ref;
    decides.push((await timed(() => decideItem(store, checker, { programId, item: ref, decision: 'waive', codes: ['UNSIGNED'], reason: 'Signature card on file matches', cureBy: null })))[0]);
  }
  emit('queue_decide_ms_100k', median(decides), 'ms', { samples: SAMPLES });
  const [after, again] = await timed(() => listQueue(store, filter(), 0, 50, NOW));
  if (again.total !== first.total - SAMPLES) throw new Error('the decisions did not leave the queue');
  emit('queue_read_after_decision_ms_100k', Math.round(after * 10) / 10, 'ms');
  // Any other change (here a stand-in entry) reads the whole program again.
  await store.change({ id: checker.id, username: checker.username }, 'bench.paymentKeyed', async () => ({ payload: { programId }, result: null }));
  const [whole] = await timed(() => listQueue(store, filter(), 0, 50, NOW));
  emit('queue_read_after_payment_ms_100k', Math.round(whole), 'ms');
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
