// Certificate PDFs: pdfmake alone on the very certificates the book holds (one document made in
// memory, in a fresh process of its own: pdf_raw_pages_per_s; and two such processes at once, what
// the machine gives each when two run together), then the bulk pipeline — the
// book read, files of 1,000 pages written by worker threads, the run journaled — with one and with
// two workers in the same run (targets: at least 90% of raw per worker), and the process's peak
// resident memory while printing, worker threads included (target: at most 500 MB).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { certificatesWithEntries, faceOf, printContext } from '../../electron/desk/services/certificate-faces';
import { printCertificates } from '../../electron/desk/services/certificates-print';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { manyEntries, xoBookWithRegister } from '../../electron/desk/testing/xo-register-fixture';
import { emit } from './emit';

/** Two files of 1,000 pages per class A run: enough that a worker's start-up is not what is measured. */
const CERTIFICATES = 3_000;
const RAW_CERTIFICATES = 150;

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-pdf-'));
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 25);

try {
  const store = await openStore(path.join(dir, 'bench.book'), { now: () => new Date() });
  const book = await xoBookWithRegister(store, manyEntries(CERTIFICATES));
  await issueCertificates(store, actorOf(book.supervisor), book.programId);

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

  // The pipelines first, then pdfmake alone in processes of their own (not this one, whose heap
  // the pipelines' run has grown), each warmed once, as the pipelines' workers are fresh threads.
  peakRss = 0;
  const one = await pipeline(1);
  const two = await pipeline(2);
  const printingPeak = peakRss;
  const [rawAlone] = await rawProcesses(faces, 1);
  const rawPagesPerSecond = rawAlone!;
  const together = await rawProcesses(faces, 2);

  emit('pdf_raw_pages_per_s', Math.round(rawPagesPerSecond * 10) / 10, 'pages/s', { certificates: faces.length, how: 'pdfmake alone, in memory, in a fresh process of its own (test/bench/pdf-raw-alone.ts)' });
  emit('pdf_pages_per_s_1w', Math.round(one.pagesPerSecond * 10) / 10, 'pages/s', { pages: one.pages, files: one.files, ofRawPerWorker: Math.round((one.pagesPerSecond / rawPagesPerSecond) * 100) / 100 });
  emit('pdf_pages_per_s_2w', Math.round(two.pagesPerSecond * 10) / 10, 'pages/s', { pages: two.pages, files: two.files, ofRawPerWorker: Math.round((two.pagesPerSecond / (2 * rawPagesPerSecond)) * 100) / 100, cpus: os.availableParallelism() });
  // What this machine gives pdfmake alone per process when two run at once: the ceiling of "raw per worker" with two.
  emit('pdf_raw_pages_per_s_two_at_once', Math.round(Math.min(...together) * 10) / 10, 'pages/s', { each: together.map(Math.round), ofRawAlone: Math.round((Math.min(...together) / rawPagesPerSecond) * 100) / 100, note: 'two processes of pdfmake alone at the same time, the slower one' });
  emit('pdf_peak_rss_mb', Math.round(printingPeak / 1e6), 'MB', { target: 500, loadAverage: os.loadavg()[0] });
  await store.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}

/** pdfmake alone in `count` processes at once (pdf-raw-alone.ts), each timed over the same interval: pages/s of each. */
async function rawProcesses(faces: readonly unknown[], count: number): Promise<number[]> {
  const file = path.join(dir, 'faces.json');
  writeFileSync(file, JSON.stringify(faces));
  const child = fileURLToPath(new URL('./pdf-raw-alone.ts', import.meta.url));
  const env = { ...process.env, PDF_RAW_FACES: file, PDF_RAW_START: String(Date.now() + 8_000) };
  const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', child], { env });
  const outputs = await Promise.all(Array.from({ length: count }, run));
  return outputs.map((o) => Number(o.stdout.trim()));
}
