// Worker entry: writes one letter (pdf/letter-doc.ts) to a new file. Main gives it the letter's
// words; it never opens the book.
import { writeFileSync } from 'node:fs';
import { letterDocument, type LetterContent } from '../pdf/letter-doc';
import { documentPdfBuffer } from '../pdf/render';
import { serveJob } from './job-port';

export interface PrintLetterInput {
  readonly file: string;
  readonly letter: LetterContent;
}

serveJob<PrintLetterInput, { bytes: number }, { pages: number }>(async ({ file, letter }, progress) => {
  progress({ pages: 0 });
  const bytes = await documentPdfBuffer(letterDocument(letter));
  writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
  return { bytes: bytes.length };
});
