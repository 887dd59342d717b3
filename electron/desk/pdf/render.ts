/**
 * Turns certificates into PDF files with pdfmake 0.3: the font embedded from memory, no network
 * and no file access from inside a document, and each file streamed to disk as it is made.
 *
 * pdfmake lays a whole document out before it draws a page (about 0.6 MB of layout a page), so a
 * 1,000-page file made in one go would need ~700 MB. A bulk file is therefore laid out and drawn
 * a few certificates at a time onto one pdfkit document, with pdfmake's own LayoutBuilder and
 * Renderer — the pages are pdfmake's exactly — and memory stays bounded whatever the file's size.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { certificatesContent, certificatesDocument, certificatesSharedBackContent, PAGE_SETUP, PAGES_PER_CERTIFICATE, type CertificateFace } from './certificate-doc';
import { fontFiles, FONT_NAME, VIRTUAL_FONT_FILES } from './fonts';
import { sharedForms, type CaptureDocument, type LaidOutPage, type SharedForms } from './shared-forms';

const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean; readFileSync(name: string): Buffer };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

type PdfKitDocument = Readable & { end(): void };
type Constructor<T> = new (...args: unknown[]) => T;
interface Layout {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(content: unknown, doc: PdfKitDocument, styles: object, defaultStyle: object, ...rest: unknown[]): LaidOutPage[];
}

let engine: PdfMake | null = null;

/** pdfmake, set up once per thread: the font's faces in its virtual file system, all outside access refused. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const made = require('pdfmake') as PdfMake;
  const faces = fontFiles();
  for (const face of Object.keys(VIRTUAL_FONT_FILES) as (keyof typeof VIRTUAL_FONT_FILES)[]) made.virtualfs.writeFileSync(VIRTUAL_FONT_FILES[face], faces[face]);
  made.setFonts({ [FONT_NAME]: { ...VIRTUAL_FONT_FILES } });
  made.setUrlAccessPolicy(() => false);
  made.setLocalAccessPolicy(() => false);
  engine = made;
  return made;
}

/** A whole PDF in memory through pdfmake's own createPdf: one certificate (a reprint), and pdfmake alone measured. */
export function certificatesPdfBuffer(faces: readonly CertificateFace[], title: string): Promise<Buffer> {
  return pdfmake().createPdf(certificatesDocument(faces, title)).getBuffer();
}

/** Any small pdfmake document (a letter) as one PDF in memory, with the embedded font and no outside access. */
export function documentPdfBuffer(doc: { readonly [key: string]: unknown }): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}

const internals = () => ({
  PDFDocument: (require('pdfmake/js/PDFDocument') as { default: Constructor<PdfKitDocument> }).default,
  LayoutBuilder: (require('pdfmake/js/LayoutBuilder') as { default: Constructor<Layout> }).default,
  Renderer: (require('pdfmake/js/Renderer') as { default: Constructor<{ renderPages(pages: unknown[]): void }> }).default,
  SVGMeasure: (require('pdfmake/js/SVGMeasure') as { default: Constructor<unknown> }).default,
  normalizePageSize: (require('pdfmake/js/PageSize') as { normalizePageSize: (size: string, orientation?: string) => { width: number; height: number } }).normalizePageSize,
  normalizePageMargin: (require('pdfmake/js/PageSize') as { normalizePageMargin: (m: readonly number[]) => unknown }).normalizePageMargin,
  tableLayouts: (require('pdfmake/js/tableLayouts') as { tableLayouts: unknown }).tableLayouts,
});

/** One part of a streamed file: its content laid out on its own (a batch of certificates, a letter), and a footer numbering its own pages. */
export interface PdfPart {
  readonly content: unknown;
  readonly footer?: (page: number, pages: number) => unknown;
  /** The part's laid-out pages as they will be drawn: given the file's shared forms and a way to lay out other content. */
  readonly arrange?: (pages: LaidOutPage[], tools: ArrangeTools) => LaidOutPage[];
}

export interface ArrangeTools {
  readonly forms: SharedForms;
  /** Lays `content` out as a part of this file is (same page, margins and default style, no footer). */
  readonly layOut: (content: unknown) => LaidOutPage[];
}

/** A page setup as pdfmake takes it. */
export interface PageSetup {
  readonly pageSize: string;
  readonly pageMargins: readonly number[];
  readonly defaultStyle: object;
}

/**
 * Writes `parts` into one new PDF at `file` (never over an existing one), laying out and drawing
 * one part at a time with pdfmake's own LayoutBuilder and Renderer onto one pdfkit document, and
 * writing each part's bytes before the next is drawn (pdfkit emits thousands of tiny chunks:
 * gathered and written at once, in the worker's own thread), so memory stays bounded whatever the
 * file's size. `onPart` hears the parts and pages written so far after each part; a cancelled job
 * throws from it, mid-file: its caller removes the unfinished file. Returns the pages written.
 */
export async function writePdfParts(parts: AsyncIterable<PdfPart> | Iterable<PdfPart>, file: string, title: string, setup: PageSetup, onPart?: (parts: number, pages: number) => void): Promise<number> {
  const k = internals();
  const size = k.normalizePageSize(setup.pageSize);
  const fonts = { [FONT_NAME]: { ...VIRTUAL_FONT_FILES } };
  const options = { size: [size.width, size.height], pdfVersion: '1.3', compress: true, autoFirstPage: false, bufferPages: false, fontLayoutCache: true, info: { Title: title, Creator: 'Offering Desk', Producer: 'Offering Desk' }, font: null };
  const doc = new k.PDFDocument(fonts, {}, {}, {}, options, pdfmake().virtualfs, () => false);
  const fd = openSync(file, 'wx', 0o600);
  // Read in paused mode, drained after each part: the stream never holds more than one part.
  const flush = () => {
    const pending: Buffer[] = [];
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) pending.push(chunk);
    const bytes = Buffer.concat(pending);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  };
  const layOut = (content: unknown, footer?: PdfPart['footer']) => {
    const builder = new k.LayoutBuilder(size, k.normalizePageMargin(setup.pageMargins), new k.SVGMeasure());
    builder.registerTableLayouts(k.tableLayouts);
    return builder.layoutDocument(content, doc, {}, setup.defaultStyle, undefined, undefined, footer, undefined, undefined);
  };
  const draw = (laidOut: LaidOutPage[]) => new k.Renderer(doc, undefined).renderPages(laidOut);
  const tools: ArrangeTools = { forms: sharedForms(doc as unknown as CaptureDocument, draw, size.width, size.height), layOut: (content) => layOut(content) };
  let pages = 0;
  let done = 0;
  try {
    for await (const part of parts) {
      const first = layOut(part.content, part.footer);
      const laidOut = part.arrange ? part.arrange(first, tools) : first;
      draw(laidOut);
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

/** The certificates `batches` yields, a batch at a time, into one new PDF; `onPages` hears the pages written so far. */
export function writeCertificatesPdf(batches: AsyncIterable<readonly CertificateFace[]> | Iterable<readonly CertificateFace[]>, file: string, title: string, onPages?: (pages: number) => void): Promise<number> {
  async function* parts(): AsyncGenerator<PdfPart> {
    for await (const faces of batches) {
      const { content, backs } = certificatesSharedBackContent(faces);
      yield { content, arrange: (pages, tools) => withSharedBacks(pages, backs, faces, tools) };
    }
  }
  return writePdfParts(parts(), file, title, PAGE_SETUP, (_parts, pages) => onPages?.(pages));
}

/**
 * Each certificate's back, laid out as its first line only, gets its election form from the
 * file's shared form for that back. Should any certificate not lay out as a face and a one-line
 * back (a face run onto a second page, a first line wrapped), the batch is laid out whole instead.
 */
function withSharedBacks(pages: LaidOutPage[], backs: ReturnType<typeof certificatesSharedBackContent>['backs'], faces: readonly CertificateFace[], tools: ArrangeTools): LaidOutPage[] {
  const backPages = backs.map((_, i) => pages[i * PAGES_PER_CERTIFICATE + 1]);
  const asPlanned = pages.length === backs.length * PAGES_PER_CERTIFICATE && backPages.every((p) => p?.items.length === 1 && p.items[0]!.type === 'line');
  if (!asPlanned) return tools.layOut(certificatesContent(faces));
  backs.forEach((back, i) => {
    backPages[i]!.items.unshift(tools.forms.item(back.key, () => {
      const sample = tools.layOut(back.sample);
      // One page, its first item the first line (the certificate's own, drawn on its page).
      if (sample.length !== 1 || sample[0]!.items[0]?.type !== 'line') throw new Error(`the back of certificate ${faces[i]!.number} does not lay out on one page`);
      return { page: sample[0]!, drop: 1 };
    }));
  });
  return pages;
}
