// Journal verification off the main thread: the walk of a 100,000-entry journal in the worker,
// and the longest the main thread went without running a 5 ms timer meanwhile — the figure that
// says whether the window would have stayed responsive.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { verifyBookJournal } from '../../electron/desk/services/journal';
import Database from 'better-sqlite3';
import { verifyJournal } from '../../electron/desk/store/journal-chain';
import { openStore } from '../../electron/desk/store/open-store';
import { sqliteChainSource } from '../../electron/desk/store/sqlite/chain-source';
import { growJournal } from '../../electron/desk/testing/long-journal';
import { emit } from './emit';

const ENTRIES = 100_000;

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
try {
  const store = await openStore(path.join(dir, 'journal.book'), { now: () => new Date() });
  const loading = performance.now();
  await growJournal(store, ENTRIES - 1); // + 'book.created'
  await store.checkpoint();
  process.stderr.write(`grew the journal to ${ENTRIES} entries in ${((performance.now() - loading) / 1000).toFixed(1)} s\n`);

  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    maxGap = Math.max(maxGap, t - last);
    last = t;
  }, 5);

  const started = performance.now();
  const report = await verifyBookJournal(store);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  maxGap = Math.max(maxGap, performance.now() - last);
  // For comparison: the same walk on the main thread, which is how long the window froze before.
  const inlineStarted = performance.now();
  const inline = new Database(store.location, { readonly: true });
  await verifyJournal(sqliteChainSource(inline));
  const inlineMs = performance.now() - inlineStarted;
  inline.close();
  await store.close();

  if (!report.ok || report.entries !== ENTRIES) throw new Error(`unexpected verification: ${JSON.stringify(report)}`);
  emit('journal_verify_100k_s', Math.round(seconds * 1000) / 1000, 's', { entries: ENTRIES, includes: 'worker start-up' });
  emit('main_thread_max_block_ms_during_verify', Math.round(maxGap * 10) / 10, 'ms', { timer: '5 ms setInterval', blockedWhenWalkedOnMainMs: Math.round(inlineMs) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
