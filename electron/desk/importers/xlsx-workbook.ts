/**
 * One worksheet of an .xlsx, row by row, never the workbook whole in memory.
 *
 * exceljs's streaming WorkbookReader reads the archive in one pass and, between entries, pauses
 * unzipper's parser, which goes on and ends without delivering what it had not yet handed over
 * (exceljs issues 3064 and 1558): a workbook whose `xl/workbook.xml` comes last — exceljs's own
 * files, openpyxl's — then fails now and then as "not readable", and a lost worksheet would go
 * unseen. So the archive is opened here through its central directory (unzipper's Open), which
 * reaches every part by its place: the workbook's sheet list and relationships first, the shared
 * strings next, then the one worksheet wanted — each through exceljs's own parsers, which is why
 * they are reached by their internal names (exceljs 4.4, pinned by the lock file).
 */
import type ExcelJSModule from 'exceljs';
import type { Readable } from 'node:stream';
import { RegisterFileError } from './file-bytes';

export interface SheetRow {
  readonly number: number;
  readonly values: unknown;
}

export interface OpenSheet {
  readonly name: string;
  readonly rows: AsyncIterable<SheetRow>;
  /** How far through the sheet's own XML the rows read so far are, from 0 to 1. */
  progress(): number;
}

/** The parts of exceljs's WorkbookReader used one by one (each takes one part's stream). */
interface ReaderParts {
  model?: { sheets?: readonly { readonly name: string; readonly rId: string }[] };
  workbookRels?: readonly { readonly Id: string; readonly Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(entry: AsyncIterable<Buffer>, sheetNo: string): Generator<{ readonly value: AsyncIterable<SheetRow> & { name: string } }>;
}

/** A relationship's target as a path in the archive: relative to `xl/`, or from the root with a leading slash. */
const partPath = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

/**
 * The worksheet named `sheet` or, with none named, the workbook's first (in the workbook's own
 * order). Refuses, in words naming the file as `shown`, a file that is not a workbook and one
 * without the sheet.
 */
export async function openWorksheet(file: string, shown: string, sheet: string | undefined): Promise<OpenSheet> {
  let directory;
  let reader: ReaderParts;
  try {
    // Loaded only for a workbook: exceljs takes about a second to load, which every CSV import would pay.
    const ExcelJS = ((await import('exceljs')) as { default: typeof ExcelJSModule }).default;
    const unzipper = (await import('unzipper')).default;
    directory = await unzipper.Open.file(file);
    reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' }) as unknown as ReaderParts;
  } catch (error) {
    throw notReadable(shown, error);
  }
  const part = (path: string) => directory.files.find((f) => f.path === path);
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new RegisterFileError(`${shown} is not a readable .xlsx workbook (it has no ${workbook ? 'xl/_rels/workbook.xml.rels' : 'xl/workbook.xml'})`);
  try {
    await reader._parseRels(rels.stream());
    await reader._parseWorkbook(workbook.stream());
  } catch (error) {
    throw notReadable(shown, error);
  }
  const sheets = reader.model?.sheets ?? [];
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen) throw new RegisterFileError(sheet === undefined ? `${shown} has no worksheet` : `${shown} has no worksheet named "${sheet}"`);
  const target = reader.workbookRels?.find((r) => r.Id === chosen.rId)?.Target;
  const entry = target === undefined ? undefined : part(partPath(target));
  if (!entry) throw new RegisterFileError(`${shown} is not a readable .xlsx workbook (its worksheet "${chosen.name}" is missing)`);
  const strings = part('xl/sharedStrings.xml');
  try {
    if (strings) for await (const _ of reader._parseSharedStrings(strings.stream())) void _;
  } catch (error) {
    throw notReadable(shown, error);
  }

  let read = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of entry!.stream() as AsyncIterable<Buffer>) {
      read += chunk.length;
      yield chunk;
    }
  }
  // exceljs numbers a worksheet by its part's name (sheet3.xml: 3); the name is the workbook's.
  const [emitted] = [...reader._parseWorksheet(counted(), /sheet(\d+)\.xml$/.exec(entry.path)?.[1] ?? '1')];
  if (!emitted) throw new RegisterFileError(`${shown} is not a readable .xlsx workbook (its worksheet "${chosen.name}" could not be opened)`);
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for await (const row of emitted!.value) yield row;
    } catch (error) {
      throw error instanceof RegisterFileError ? error : notReadable(shown, error);
    }
  }
  return { name: chosen.name, rows: rows(), progress: () => (entry.uncompressedSize > 0 ? Math.min(1, read / entry.uncompressedSize) : 0) };
}

function notReadable(shown: string, error: unknown): RegisterFileError {
  if (error instanceof RegisterFileError) return error;
  return new RegisterFileError(`${shown} is not a readable .xlsx workbook (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
}
