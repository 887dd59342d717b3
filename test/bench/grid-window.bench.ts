// The audit trail's grid fetches its rows by window: one `journal.search` block of 100 entries
// (with the filter's total) through the desk's handler table (validation, role check, store), as
// the screen asks for it when the supervisor presses End, Home or scrolls — unfiltered, and
// filtered by an item's text (a scan of every payload). On a 100,000-entry journal, blocks at random.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/desk/desk';
import { openStore } from '../../electron/desk/store/open-store';
import { growJournal } from '../../electron/desk/testing/long-journal';
import { emit } from './emit';

const ENTRIES = 100_000;
const BLOCK = 100; // as renderer/src/features/register/useWindowSource.ts
const READS = 500;

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
try {
  const bookPath = path.join(dir, 'grid.book');
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  await growJournal(store, ENTRIES);
  await store.close();
  const desk = await openDesk({
    bookPath,
    prefsPath: path.join(dir, 'prefs.json'),
    host: {
      chooseSavePath: async () => null,
      chooseOpenPath: async () => null,
      chooseFolder: async () => null,
      logError: (error) => console.error(error),
      sealSecret: () => null,
      unsealSecret: () => null,
    },
  });
  const admin = await desk.dispatch('session.createFirstAdmin', { username: 'ada', displayName: 'Ada', password: 'analytical-engine-1843' });
  if (!admin.ok) throw new Error(admin.error.message);
  const blocks = Math.ceil(ENTRIES / BLOCK);
  const timeReads = async (filter: Record<string, unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < READS; i++) {
      const block = i === 0 ? 0 : i === 1 ? blocks - 1 : Math.floor(Math.random() * blocks);
      const started = performance.now();
      const result = await desk.dispatch('journal.search', { filter, offset: block * BLOCK, limit: BLOCK });
      times.push(performance.now() - started);
      if (!result.ok || (result.value as { rows: unknown[] }).rows.length === 0) throw new Error(`block ${block}: ${JSON.stringify(result).slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    return (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  };
  const all = await timeReads({});
  const byItem = await timeReads({ text: 'ordinary' });
  await desk.close();
  emit('journal_window_read_median_ms', all(0.5), 'ms', { entries: ENTRIES, block: BLOCK, reads: READS, via: 'desk.dispatch journal.search, no filter' });
  emit('journal_window_read_p99_ms', all(0.99), 'ms', { entries: ENTRIES, block: BLOCK, reads: READS, via: 'desk.dispatch journal.search, no filter' });
  emit('journal_window_read_p99_ms_filtered', byItem(0.99), 'ms', { entries: ENTRIES, block: BLOCK, reads: READS, filter: 'item text (every payload scanned)' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
