// Worker entry: writes letters to holders (pdf/letter-doc.ts) into one new PDF, laid out one
// letter at a time through the streamed writer (memory bounded whatever their number), posting
// the letters and pages written; then hashes the file as written. Main gives it the letters'
// words; it never opens the book.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { letterContent, letterFooter, LETTER_PAGE_SETUP, type LetterContent } from '../pdf/letter-doc';
import { writePdfParts, type PdfPart } from '../pdf/render';
import { serveJob } from './job-port';

/** A file never holds more pages than this (DESIGN: bulk runs are chunked, ≤ 1,000 pages a file). */
export const MAX_PAGES_PER_FILE = 1_000;

export interface PrintLettersInput {
  readonly file: string;
  readonly title: string;
  readonly letters: readonly LetterContent[];
}

export interface PrintLettersOutput {
  readonly pages: number;
  readonly letters: number;
  /** SHA-256 of the file as written, hex. */
  readonly sha256: string;
}

export interface PrintLettersProgress {
  readonly letters: number;
  readonly pages: number;
}

function* partsOf(letters: readonly LetterContent[]): Generator<PdfPart> {
  for (const l of letters) yield { content: letterContent(l), footer: letterFooter(l.footer ?? l.title) };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

serveJob<PrintLettersInput, PrintLettersOutput, PrintLettersProgress>(async (input, progress) => {
  progress({ letters: 0, pages: 0 });
  const pages = await writePdfParts(partsOf(input.letters), input.file, input.title, LETTER_PAGE_SETUP, (letters, written) => {
    if (written > MAX_PAGES_PER_FILE) throw new Error(`a letters file would pass ${MAX_PAGES_PER_FILE} pages`);
    progress({ letters, pages: written });
  });
  return { pages, letters: input.letters.length, sha256: await sha256Of(input.file) };
});
