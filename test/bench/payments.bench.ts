// Payments on a book of DESK_BENCH_PAYMENTS checks (20,000 by default) with their deposits:
// clearing one check through the service (p99 of 500, each a durable change with its journal
// entry), a bank clearance file of half of them applied in one change (read, matched, written),
// and the escrow ledger with its tie-out read whole.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { applyBankFile } from '../../electron/desk/services/payments/bank-clearance';
import { FIXTURE_BANK, FIXTURE_BANK_LAYOUT, FIXTURE_HEADER, FIXTURE_LAYOUT } from '../../electron/desk/services/payments/bank-fixture';
import { saveBankLayout } from '../../electron/desk/services/payments/bank-layouts';
import { clearPayment } from '../../electron/desk/services/payments/clearance';
import { escrowLedger } from '../../electron/desk/services/payments/ledger';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { openBatch, paymentsBook } from '../../electron/desk/testing/payments-fixture';
import { tempDir } from '../../electron/desk/testing/temp';
import { emit } from './emit';

const N = Number.parseInt(process.env.DESK_BENCH_PAYMENTS ?? '20000', 10);
const CLEARS = 500;
const dir = tempDir('payments-bench-');
const store = await openStore(dir.file('bench.book'), { now: () => new Date(), mode: 'create' });
try {
  const book = await paymentsBook(store);
  const where = await openBatch(store, book, '2003-11-10', 1);
  const amount = (i: number) => `${100 + (i % 900)}.${String(i % 100).padStart(2, '0')}`;
  await store.change(actorOf(book.clerk), 'bench.paymentsKeyed', async (tx, at) => {
    const ids = await tx.intake.insertMany('payments', Array.from({ length: N }, (_, i) => ({
      programId: book.programId, batchId: where.batchId, envelopeId: where.envelopeId, electionId: null, oddLotOrderId: null, method: 'check', amount: amount(i),
      checkNumber: String(100_000 + i), abaRouting: '021000021', bankAccount: String(10_000_000 + (i % 5000)), payer: `Payer ${i}`, reference: null, keyedAt: at, keyedBy: book.clerk.id,
    })));
    await tx.intake.insertMany('ledger_entries', ids.map((paymentId, i) => ({
      programId: book.programId, kind: 'deposited', method: 'check', amount: amount(i), businessDate: '2003-11-10', paymentId, electionId: null, memo: 'deposited', at, createdBy: book.clerk.id,
    })));
    return { payload: { payments: N }, result: null };
  });

  const times: number[] = [];
  for (let i = 0; i < CLEARS; i++) {
    const t0 = performance.now();
    await clearPayment(store, book.clerk, { paymentId: N - i, businessDate: '2003-11-12' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.floor(times.length * q)]!.toFixed(2));
  emit('payment_clear_p99_ms', at(0.99), 'ms', { payments: N, median: at(0.5) });

  await saveBankLayout(store, book.supervisor, { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
  const lines = Math.floor(N / 2);
  const file = dir.file('clearance.csv');
  const body = Array.from({ length: lines }, (_, i) => `${100_000 + i},${10_000_000 + (i % 5000)},${amount(i)},11/12/2003,${i % 50 === 0 ? 'NSF' : 'PAID'},,`);
  writeFileSync(file, [FIXTURE_HEADER, ...body, ''].join('\n'));
  const t0 = performance.now();
  const report = await applyBankFile(store, book.clerk, { programId: book.programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT, file, fileName: 'clearance.csv' });
  emit(`payments_bank_file_ms_${lines}`, Math.round(performance.now() - t0), 'ms', { cleared: report.cleared, returned: report.returned, unmatched: report.unmatched.length });

  const t1 = performance.now();
  const ledger = await escrowLedger(store, book.programId);
  emit(`escrow_ledger_ms_${N}`, Math.round(performance.now() - t1), 'ms', { entries: ledger.entries, ties: ledger.tieOut.ties });
  if (!ledger.tieOut.ties) throw new Error(`The bench's ledger does not tie: ${ledger.tieOut.differences[0]?.message ?? ''}`);
} finally {
  await store.close();
  dir.cleanup();
}
