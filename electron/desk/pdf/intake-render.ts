/**
 * Writes intake prints (confirmations, batch control reports) into a new PDF file through the
 * streamed writer of render.ts: each letter laid out and drawn on its own, so a batch's
 * confirmations keep memory bounded whatever their number, and each letter counts its own pages
 * ("page 1 of 2"). The file is created new (never over an existing one) and fsynced.
 */
import type { PdfNode } from './certificate-doc';
import { INTAKE_PAGE_SETUP } from './confirmation-doc';
import { writePdfParts } from './render';

/** One letter or report of the file: its content and the footer that numbers its own pages. */
export interface PrintPart {
  readonly content: PdfNode[];
  readonly footer: (page: number, pages: number) => PdfNode;
}

/**
 * Writes `parts` into the new file `file`, one after another, each starting on a new page.
 * `onPart` hears how many parts and pages are written after each one; a cancelled job throws
 * from it, mid-file, and its caller removes the unfinished file. Returns the pages written.
 */
export function writeIntakePdf(parts: Iterable<PrintPart>, file: string, title: string, onPart?: (parts: number, pages: number) => void): Promise<number> {
  return writePdfParts(parts, file, title, INTAKE_PAGE_SETUP, onPart);
}
