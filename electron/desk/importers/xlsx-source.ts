/**
 * .xlsx layouts: one worksheet (named, or the first), a header row naming the columns, rows
 * below it. Read with exceljs's streaming WorkbookReader, row by row (shared strings cached,
 * styles and hyperlinks ignored), never the workbook whole in memory. A row's line is its row
 * number in the sheet. Numbers are read as the shortest text that is exactly the stored value;
 * a TIN stored as a number has lost its leading zeros, and is reported, not guessed at.
 */
import type ExcelJSModule from 'exceljs';
import { readRegisterBytes, RegisterFileError } from './file-bytes';
import { mapHeader, rowFromFields, type XlsxLayout } from './layout';
import type { RegisterSource, SourceRow } from './source';

interface SheetRow {
  readonly number: number;
  readonly values: unknown;
}
interface SheetReader extends AsyncIterable<SheetRow> {
  readonly name: string;
}

export function xlsxSource(file: string, shown: string, layout: XlsxLayout): RegisterSource {
  const { stream, digest } = readRegisterBytes(file, shown, { utf8: false });
  async function* rows(): AsyncGenerator<SourceRow> {
    let found = false;
    try {
      // Loaded only for a workbook: exceljs takes about a second to load, which every CSV import would pay.
      const ExcelJS = ((await import('exceljs')) as { default: typeof ExcelJSModule }).default;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
      for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
        const wanted = !found && (layout.sheet === undefined || sheet.name === layout.sheet);
        if (!wanted) {
          for await (const _row of sheet) void _row; // an unwanted sheet is read past, not kept
          continue;
        }
        found = true;
        yield* sheetRows(sheet, layout, shown);
      }
    } catch (error) {
      if (error instanceof RegisterFileError) throw error;
      throw new RegisterFileError(`${shown} is not a readable .xlsx workbook (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    if (!found) throw new RegisterFileError(layout.sheet === undefined ? `${shown} has no worksheet` : `${shown} has no worksheet named "${layout.sheet}"`);
  }
  return { [Symbol.asyncIterator]: rows, digest, close: () => stream.destroy() };
}

async function* sheetRows(sheet: SheetReader, layout: XlsxLayout, shown: string): AsyncGenerator<SourceRow> {
  let index: Parameters<typeof rowFromFields>[1] | null = null;
  for await (const row of sheet) {
    if (row.number < layout.headerRow) continue;
    const fields = cellTexts(row.values);
    if (index === null) {
      if (row.number !== layout.headerRow) break;
      const mapped = mapHeader(fields, layout.columns);
      if (!mapped.ok) throw new RegisterFileError(`${shown}: row ${row.number}: ${mapped.message}`);
      index = mapped.index;
      continue;
    }
    if (fields.every((f) => f.trim() === '')) continue;
    yield { line: row.number, row: rowFromFields(fields, index) };
  }
  if (index === null) throw new RegisterFileError(`${shown}: row ${layout.headerRow}, the header row, is empty: it must name the columns`);
}

/** A row's cells as text, column A first (exceljs's `values` is 1-based and sparse). */
function cellTexts(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  for (let i = 1; i < values.length; i += 1) out.push(cellText(values[i]));
  return out;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}
