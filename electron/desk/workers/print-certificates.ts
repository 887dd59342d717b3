// Worker entry: writes one PDF of certificates (at most 1,000 pages), laid out and drawn a few
// certificates at a time so that memory stays bounded, posting the pages written as it goes.
// Main gives it the certificates' faces; it never opens the book.
import type { CertificateFace } from '../pdf/certificate-doc';
import { writeCertificatesPdf } from '../pdf/render';
import { serveJob } from './job-port';

export interface PrintCertificatesInput {
  readonly file: string;
  readonly title: string;
  readonly faces: readonly CertificateFace[];
}

export interface PrintCertificatesOutput {
  readonly pages: number;
}

/** Certificates laid out per step: ~50 pages, a few tens of MB of pdfmake layout at a time. */
const BATCH = 25;

function* batches(faces: readonly CertificateFace[]): Generator<readonly CertificateFace[]> {
  for (let i = 0; i < faces.length; i += BATCH) yield faces.slice(i, i + BATCH);
}

serveJob<PrintCertificatesInput, PrintCertificatesOutput, { pages: number }>(async ({ file, title, faces }, progress) => {
  const pages = await writeCertificatesPdf(batches(faces), file, title, (done) => progress({ pages: done }));
  return { pages };
});
