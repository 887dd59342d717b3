// Letters to holders in bulk: every foreign-holder letter of a program whose register has a
// holder abroad in every ten — the book read, the letters put into words, files of 250 letters
// written by the letters worker, the run recorded as `letters` rows in one change — as letters
// a second, and the process's peak resident memory while printing, worker threads included.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { bulkLetters } from '../../electron/desk/services/letters/letter-picks';
import { printLetters } from '../../electron/desk/services/letters/print-letters';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { manyEntries, xoBookWithRegister } from '../../electron/desk/testing/xo-register-fixture';
import { emit } from './emit';

/** One in ten abroad: 1,000 letters, four files. */
const ENTRIES = 10_000;
const NOW = new Date('2003-12-03T15:00:00.000Z');

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-letters-'));
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 25);

try {
  const store = await openStore(path.join(dir, 'bench.book'), { now: () => NOW });
  const book = await xoBookWithRegister(store, manyEntries(ENTRIES));
  await issueCertificates(store, actorOf(book.supervisor), book.programId);
  const out = path.join(dir, 'out');
  mkdirSync(out);
  peakRss = 0;
  const started = performance.now();
  const run = await store.read((r) => bulkLetters(r, book.programId, 'foreign-holder', NOW));
  const prepared = performance.now();
  const printer = { id: book.supervisor.id, username: book.supervisor.username, displayName: book.supervisor.displayName };
  const result = await printLetters(store, printer, run, { folder: out, kind: 'foreign-holder' }, { now: () => NOW, bulk: true });
  const seconds = (performance.now() - started) / 1000;
  emit('letters_per_s', Math.round((result.letters / seconds) * 10) / 10, 'letters/s', { letters: result.letters, pages: result.pages, files: result.files.length, prepareMs: Math.round(prepared - started), cpus: os.availableParallelism() });
  emit('letters_peak_rss_mb', Math.round(peakRss / 1e6), 'MB', { loadAverage: os.loadavg()[0] });
  await store.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
