// Worker entry: writes PDFs of certificates (at most 1,000 pages each), each laid out and drawn a
// few certificates at a time so that memory stays bounded, posting the pages written as it goes.
// Main gives it the certificates' faces; it never opens the book. A single file (a reprint) is its
// input; a bulk run feeds one thread file after file (serveFeed), so that each thread loads pdfmake
// and its font, and compiles its code, once per run rather than once per file.
import type { CertificateFace } from '../pdf/certificate-doc';
import { writeCertificatesPdf } from '../pdf/render';
import { serveFeed } from './job-port';

/** One file to write: a new file (never over an existing one), its title and its certificates. */
export interface PrintCertificatesInput {
  readonly file: string;
  readonly title: string;
  readonly faces: readonly CertificateFace[];
}

/** What became of a file: told to the feed when the thread asks for the next one. */
export interface CertificatesFileWritten {
  readonly file: string;
  readonly pages: number;
}

export interface PrintCertificatesOutput {
  /** Pages written by this thread, all of its files together. */
  readonly pages: number;
  readonly files: number;
}

/** Pages written so far by this thread, all of its files together. */
export interface PrintCertificatesProgress {
  readonly pages: number;
}

/** Certificates laid out per step: ~50 pages, a few tens of MB of pdfmake layout at a time. */
const BATCH = 25;

function* batches(faces: readonly CertificateFace[]): Generator<readonly CertificateFace[]> {
  for (let i = 0; i < faces.length; i += BATCH) yield faces.slice(i, i + BATCH);
}

serveFeed<PrintCertificatesInput | null, PrintCertificatesInput, CertificatesFileWritten, PrintCertificatesOutput, PrintCertificatesProgress>(async (first, next, progress) => {
  let pages = 0;
  let files = 0;
  let finished: CertificatesFileWritten | undefined;
  for (let job = first ?? (await next(undefined)); job !== undefined; job = await next(finished)) {
    const before = pages;
    const written = await writeCertificatesPdf(batches(job.faces), job.file, job.title, (done) => progress({ pages: before + done }));
    pages += written;
    files += 1;
    finished = { file: job.file, pages: written };
  }
  return { pages, files };
});
