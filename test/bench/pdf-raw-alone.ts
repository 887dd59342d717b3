// A child of certificates-pdf.bench.ts: pdfmake alone (certificatesPdfBuffer, in memory) on the
// faces in the JSON file PDF_RAW_FACES, warmed once, then timed from the instant PDF_RAW_START
// (ms since the epoch) so that two such processes run at the same time. Prints its pages/s.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CertificateFace } from '../../electron/desk/pdf/certificate-doc';
import { certificatesPdfBuffer } from '../../electron/desk/pdf/render';

const faces = JSON.parse(readFileSync(process.env['PDF_RAW_FACES']!, 'utf8')) as CertificateFace[];
const ROUNDS = 3;
await certificatesPdfBuffer(faces, 'warm-up');
const start = Number(process.env['PDF_RAW_START'] ?? 0);
while (Date.now() < start) await new Promise((resolve) => setTimeout(resolve, 5));
const started = performance.now();
for (let i = 0; i < ROUNDS; i += 1) await certificatesPdfBuffer(faces, 'bench');
process.stdout.write(`${(ROUNDS * faces.length * 2) / ((performance.now() - started) / 1000)}\n`);
