/**
 * Writes intake prints (confirmations, batch control reports) into a new PDF file with pdfmake
 * 0.3: the font embedded from memory, all outside access refused, and each letter laid out and
 * drawn on its own onto one pdfkit document whose bytes are written to disk as it goes — a
 * batch's confirmations keep memory bounded whatever their number, and each letter counts its
 * own pages ("page 1 of 2"). The file is created new (never over an existing one) and fsynced.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { PdfNode } from './certificate-doc';
import { INTAKE_PAGE_SETUP } from './confirmation-doc';
import { fontFiles, FONT_NAME, VIRTUAL_FONT_FILES } from './fonts';

const require = createRequire(import.meta.url);

type PdfKitDocument = Readable & { end(): void };
type Constructor<T> = new (...args: unknown[]) => T;
interface Layout {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(content: unknown, doc: PdfKitDocument, styles: object, defaultStyle: object, ...rest: unknown[]): unknown[];
}
interface VirtualFs {
  writeFileSync(name: string, data: Buffer): void;
}

/** One letter or report of the file: its content and the footer that numbers its own pages. */
export interface PrintPart {
  readonly content: PdfNode[];
  readonly footer: (page: number, pages: number) => PdfNode;
}

let virtualfs: VirtualFs | null = null;

/** pdfmake's virtual file system with the font's faces in it, set up once per thread. */
function fontFs(): VirtualFs {
  if (virtualfs) return virtualfs;
  const made = require('pdfmake') as { virtualfs: VirtualFs; setUrlAccessPolicy(p: () => boolean): void; setLocalAccessPolicy(p: () => boolean): void };
  const faces = fontFiles();
  for (const face of Object.keys(VIRTUAL_FONT_FILES) as (keyof typeof VIRTUAL_FONT_FILES)[]) made.virtualfs.writeFileSync(VIRTUAL_FONT_FILES[face], faces[face]);
  made.setUrlAccessPolicy(() => false);
  made.setLocalAccessPolicy(() => false);
  virtualfs = made.virtualfs;
  return made.virtualfs;
}

const internals = () => ({
  PDFDocument: (require('pdfmake/js/PDFDocument') as { default: Constructor<PdfKitDocument> }).default,
  LayoutBuilder: (require('pdfmake/js/LayoutBuilder') as { default: Constructor<Layout> }).default,
  Renderer: (require('pdfmake/js/Renderer') as { default: Constructor<{ renderPages(pages: unknown[]): void }> }).default,
  SVGMeasure: (require('pdfmake/js/SVGMeasure') as { default: Constructor<unknown> }).default,
  normalizePageSize: (require('pdfmake/js/PageSize') as { normalizePageSize: (size: string) => { width: number; height: number } }).normalizePageSize,
  normalizePageMargin: (require('pdfmake/js/PageSize') as { normalizePageMargin: (m: readonly number[]) => unknown }).normalizePageMargin,
  tableLayouts: (require('pdfmake/js/tableLayouts') as { tableLayouts: unknown }).tableLayouts,
});

/**
 * Writes `parts` into the new file `file`, one after another, each starting on a new page.
 * `onPart` hears how many parts and pages are written after each one; a cancelled job throws
 * from it, mid-file, and its caller removes the unfinished file. Returns the pages written.
 */
export async function writeIntakePdf(parts: Iterable<PrintPart>, file: string, title: string, onPart?: (parts: number, pages: number) => void): Promise<number> {
  const k = internals();
  const size = k.normalizePageSize(INTAKE_PAGE_SETUP.pageSize);
  const fonts = { [FONT_NAME]: { ...VIRTUAL_FONT_FILES } };
  const options = { size: [size.width, size.height], pdfVersion: '1.3', compress: true, autoFirstPage: false, bufferPages: false, fontLayoutCache: true, info: { Title: title, Creator: 'Offering Desk', Producer: 'Offering Desk' }, font: null };
  const doc = new k.PDFDocument(fonts, {}, {}, {}, options, fontFs(), () => false);
  const fd = openSync(file, 'wx', 0o600);
  const flush = () => {
    const pending: Buffer[] = [];
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) pending.push(chunk);
    const bytes = Buffer.concat(pending);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  };
  let pages = 0;
  let done = 0;
  try {
    for (const part of parts) {
      const builder = new k.LayoutBuilder(size, k.normalizePageMargin(INTAKE_PAGE_SETUP.pageMargins), new k.SVGMeasure());
      builder.registerTableLayouts(k.tableLayouts);
      const laidOut = builder.layoutDocument(part.content, doc, {}, INTAKE_PAGE_SETUP.defaultStyle, undefined, undefined, part.footer, undefined, undefined);
      new k.Renderer(doc, undefined).renderPages(laidOut);
      pages += laidOut.length;
      done += 1;
      flush();
      onPart?.(done, pages);
    }
    const ended = once(doc, 'end');
    doc.end();
    flush();
    await ended;
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return pages;
}
