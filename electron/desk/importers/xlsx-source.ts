/**
 * .xlsx layouts: one worksheet (named, or the first), a header row naming the columns, rows
 * below it. Read row by row through xlsx-workbook.ts (exceljs's parsers, shared strings cached,
 * styles and hyperlinks ignored), never the workbook whole in memory. A row's line is its row
 * number in the sheet. Numbers are read as the shortest text that is exactly the stored value;
 * a TIN stored as a number has lost its leading zeros, and is reported, not guessed at.
 */
import { stat } from 'node:fs/promises';
import { readRegisterBytes, RegisterFileError, type ReadDigest } from './file-bytes';
import { mapHeader, rowFromFields, type XlsxLayout } from './layout';
import type { RegisterSource, SourceRow } from './source';
import { openWorksheet, type SheetRow } from './xlsx-workbook';

/**
 * The file is hashed first, in one pass over its bytes (the SHA-256 the journal keeps), then read
 * as a workbook through its central directory (xlsx-workbook.ts); a file changed in between is
 * refused rather than reported under a digest that is not its own.
 */
export function xlsxSource(file: string, shown: string, layout: XlsxLayout): RegisterSource {
  const { stream, digest: hashed } = readRegisterBytes(file, shown, { utf8: false });
  let size = 0;
  let progress = () => 0;
  async function* rows(): AsyncGenerator<SourceRow> {
    const before = await stat(file);
    for await (const chunk of stream as AsyncIterable<Buffer>) void chunk;
    size = hashed.bytes();
    const sheet = await openWorksheet(file, shown, layout.sheet);
    progress = sheet.progress;
    yield* sheetRows(sheet.rows, layout, shown);
    const after = await stat(file);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) throw new RegisterFileError(`${shown} changed while it was being read: import it again`);
  }
  // What was read, for the import's progress: the worksheet's share of the file as its rows are read.
  const digest: ReadDigest = { sha256: () => hashed.sha256(), bytes: () => Math.round(size * progress()) };
  return { [Symbol.asyncIterator]: rows, digest, close: () => stream.destroy() };
}

async function* sheetRows(sheet: AsyncIterable<SheetRow>, layout: XlsxLayout, shown: string): AsyncGenerator<SourceRow> {
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
