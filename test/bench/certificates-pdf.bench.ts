// Certificate PDFs, from a book made in a child process (pdf-book-setup.ts), with the workers
// bundled as the application starts them: pdfmake alone on the very certificates the book holds (one document made in
// memory, in a fresh process of its own: pdf_raw_pages_per_s; and two such processes at once, what
// the machine gives each when two run together), then the bulk pipeline — the
// book read, files of 1,000 pages written by worker threads, the run journaled — with one and with
// two workers in the same run (targets: at least 90% of raw per worker), and the process's peak
// resident memory while printing, worker threads included (target: at most 500 MB).
// The pipeline's pages are pdfmake's, pixel for pixel (shared-backs.test.ts), but each file draws a
// class's back (the election form) once, as a shared form, where pdfmake alone draws every back.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { certificatesWithEntries, faceOf, printContext } from '../../electron/desk/services/certificate-faces';
import { printCertificates } from '../../electron/desk/services/certificates-print';
import { actorOf } from '../../electron/desk/services/views';
import { bundledWorkers, useWorkers } from '../../electron/desk/workers/run-job';
import { root } from '../../.config/build-electron';
import { openStore } from '../../electron/desk/store/open-store';
import type { XoBook } from '../../electron/desk/testing/xo-register-fixture';
import { emit } from './emit';

/**
 * A register of 9,000 entries: 3,000 class A certificates, six files of 1,000 pages a run — three a
 * thread with two workers, as a real run (hundreds of files) has many a thread. With two files a
 * run, each of two workers wrote one and its start was a twentieth of what was timed.
 */
const CERTIFICATES = 9_000;
const RAW_CERTIFICATES = 150;

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-pdf-'));
// The workers as the application starts them: bundled, not through tsx's loader. Built under
// node_modules so that the bundles find pdfmake and the font where the application's do.
const bundle = mkdtempSync(path.join(root, 'node_modules', '.desk-bench-'));
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 25);

try {
  const bookFile = path.join(dir, 'bench.book');
  const setup = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./pdf-book-setup.ts', import.meta.url))], {
    env: { ...process.env, PDF_SETUP_BOOK: bookFile, PDF_SETUP_BUNDLE: bundle, PDF_SETUP_ENTRIES: String(CERTIFICATES) },
  });
  const book = JSON.parse(setup.stdout) as XoBook;
  useWorkers(bundledWorkers(pathToFileURL(path.join(bundle, 'workers') + path.sep)));
  const store = await openStore(bookFile, { now: () => new Date() });

  // pdfmake alone: the same class A certificates, laid out and drawn in one document, in memory.
  const faces = await store.read(async (r) => {
    const ctx = await printContext(r, book.programId);
    return (await certificatesWithEntries(r, book.programId, { class: 'A' }, 0, RAW_CERTIFICATES)).map(({ certificate, entry }) => faceOf(ctx, certificate, entry));
  });

  const pipeline = async (workers: number) => {
    const out = path.join(dir, `out-${workers}`);
    mkdirSync(out);
    const started = performance.now();
    const result = await printCertificates(store, actorOf(book.supervisor), book.programId, { class: 'A' }, out, { workers });
    const seconds = (performance.now() - started) / 1000;
    rmSync(out, { recursive: true, force: true });
    return { pagesPerSecond: result.pages / seconds, pages: result.pages, files: result.files.length };
  };

  // pdfmake alone runs in processes of its own (not this one, whose heap the pipelines' run
  // grows), each warmed once. This machine's speed drifts by tens of percent over a minute, so
  // each pipeline is timed between two runs of pdfmake alone and compared with their mean.
  const alone = async () => (await rawProcesses(faces, 1))[0]!;
  const rawBefore = await alone();
  peakRss = 0;
  const one = await pipeline(1);
  const rawBetween = await alone();
  const two = await pipeline(2);
  const printingPeak = peakRss;
  const rawAfter = await alone();
  const together = await rawProcesses(faces, 2);
  const rawOne = (rawBefore + rawBetween) / 2;
  const rawTwo = (rawBetween + rawAfter) / 2;
  const rawPagesPerSecond = (rawBefore + rawBetween + rawAfter) / 3;
  const ratio = (value: number) => Math.round(value * 100) / 100;

  emit('pdf_raw_pages_per_s', Math.round(rawPagesPerSecond * 10) / 10, 'pages/s', { certificates: faces.length, each: [rawBefore, rawBetween, rawAfter].map(Math.round), how: 'pdfmake alone, in memory, in a fresh process of its own (test/bench/pdf-raw-alone.ts): before, between and after the pipelines' });
  emit('pdf_pages_per_s_1w', Math.round(one.pagesPerSecond * 10) / 10, 'pages/s', { pages: one.pages, files: one.files, ofRawPerWorker: ratio(one.pagesPerSecond / rawOne), rawAround: Math.round(rawOne) });
  emit('pdf_pages_per_s_2w', Math.round(two.pagesPerSecond * 10) / 10, 'pages/s', { pages: two.pages, files: two.files, ofRawPerWorker: ratio(two.pagesPerSecond / (2 * rawTwo)), rawAround: Math.round(rawTwo), cpus: os.availableParallelism(), perWorkerOfOneWorker: ratio(two.pagesPerSecond / (2 * one.pagesPerSecond)) });
  // What this machine gives pdfmake alone per process when two run at once: the ceiling of "raw per worker" with two.
  emit('pdf_raw_pages_per_s_two_at_once', Math.round(Math.min(...together) * 10) / 10, 'pages/s', { each: together.map(Math.round), ofRawAlone: ratio(Math.min(...together) / rawAfter), note: 'two processes of pdfmake alone at the same time, the slower one, against pdfmake alone just before' });
  emit('pdf_peak_rss_mb', Math.round(printingPeak / 1e6), 'MB', { target: 500, loadAverage: os.loadavg()[0] });
  await store.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { recursive: true, force: true });
}

/** pdfmake alone in `count` processes at once (pdf-raw-alone.ts), each timed over the same interval: pages/s of each. */
async function rawProcesses(faces: readonly unknown[], count: number): Promise<number[]> {
  const file = path.join(dir, 'faces.json');
  writeFileSync(file, JSON.stringify(faces));
  const child = fileURLToPath(new URL('./pdf-raw-alone.ts', import.meta.url));
  // Two processes start timing at the same instant, once both have loaded and warmed up.
  const env = { ...process.env, PDF_RAW_FACES: file, PDF_RAW_START: String(Date.now() + (count > 1 ? 8_000 : 0)) };
  const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', child], { env });
  const outputs = await Promise.all(Array.from({ length: count }, run));
  return outputs.map((o) => Number(o.stdout.trim()));
}
