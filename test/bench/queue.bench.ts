// The supervisor's queue on a program of 100,000 elections (SQLite, the desk's own file): every
// tenth form is unsigned, so 10,000 items are in the queue.
//  - queue_read_ms_100k: the first page, reading and assessing the whole program (cache cold);
//  - queue_page_ms_100k_cached: a page with another filter while the journal has not moved (median);
//  - queue_item_open_ms_100k: one item opened with its history (median);
//  - queue_decide_ms_100k: one decision, the item re-read alone under the writers' lock (median);
//  - queue_read_after_decision_ms_100k: the first page after a decision (only the decided item is read again);
//  - queue_read_after_payment_ms_100k: the first page after another kind of change (the whole program is read again);
//  - main_thread_max_block_ms_queue_read_100k: the longest gap of a 10 ms timer on main while the first
//    page after such a change is read through the worker, as the desk reads it.
// DESK_BENCH_QUEUE_ELECTIONS shrinks the program for a quick look.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { queueFilterSchema } from '../../shared/ipc/queue';
import { decideItem } from '../../electron/desk/services/supervision/decide';
import { openItem } from '../../electron/desk/services/supervision/item-file';
import { listQueue } from '../../electron/desk/services/supervision/queue';
import { readProgramItemsOffMain } from '../../electron/desk/services/supervision/items-off-main';
import { openStore } from '../../electron/desk/store/open-store';
import { longestGapWhile } from '../../electron/desk/testing/event-loop';
import { largeProgramBook } from '../../electron/desk/testing/large-program';
import { emit } from './emit';

const ELECTIONS = Number(process.env.DESK_BENCH_QUEUE_ELECTIONS ?? 100_000);
const NOW = new Date('2003-12-05T15:00:00.000Z');
const SAMPLES = 20;

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
async function timed<T>(body: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await body();
  return [performance.now() - started, value];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'queue-bench-'));
try {
  const store = await openStore(path.join(dir, 'desk.book'), { now: () => NOW, mode: 'create' });
  const { programId, checker } = await largeProgramBook(store, ELECTIONS);
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
  // The desk reads the whole program in a worker: main's thread only waits (a 10 ms timer keeps firing).
  await store.change({ id: checker.id, username: checker.username }, 'bench.paymentKeyed', async () => ({ payload: { programId }, result: null }));
  const [offMain, gap] = await timed(() => longestGapWhile(() => listQueue(store, filter(), 0, 50, NOW, readProgramItemsOffMain), 10));
  if (gap.value.total !== again.total) throw new Error('the worker\'s reading differs from the one in process');
  emit('main_thread_max_block_ms_queue_read_100k', Math.round(gap.longestGapMs), 'ms', { timerMs: 10, readMs: Math.round(offMain) });
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
