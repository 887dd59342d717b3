/**
 * The first few rows of a chosen file, as read, for the screen that maps its columns: a CSV's
 * header and rows, an .xlsx's first sheet, a fixed-width file's lines (one column). Reads only
 * as far as it needs, and never more than PREVIEW_BYTES of a text file.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { RegisterFileError } from './file-bytes';
import { openWorksheet } from './xlsx-workbook';

export type FileFormat = 'csv' | 'fixed' | 'xlsx';
const PREVIEW_ROWS = 10;
const PREVIEW_BYTES = 256 * 1024;

/** By the file's name: .xlsx is a workbook, .txt/.dat/.prn fixed-width, anything else CSV. */
export function formatOf(fileName: string): FileFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.txt' || ext === '.dat' || ext === '.prn' || ext === '.fix') return 'fixed';
  return 'csv';
}

export async function previewFile(file: string, format: FileFormat): Promise<{ columns: string[]; rows: string[][] }> {
  try {
    if (format === 'xlsx') return await previewXlsx(file);
    const text = await head(file);
    if (format === 'fixed') return { columns: ['line'], rows: text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, PREVIEW_ROWS + 1).map((l) => [l]) };
    return await previewCsv(text);
  } catch (error) {
    if (error instanceof RegisterFileError) throw error;
    throw new RegisterFileError(`the file cannot be previewed as ${format}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

async function head(file: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { start: 0, end: PREVIEW_BYTES - 1 })) chunks.push(chunk as Buffer);
  // A character cut at the end of the window is dropped, not guessed.
  return Buffer.concat(chunks).toString('utf8').replace(/\uFFFD$/, '');
}

async function previewCsv(text: string): Promise<{ columns: string[]; rows: string[][] }> {
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, to_line: PREVIEW_ROWS + 1 });
  parser.end(text);
  const records: string[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) records.push(record);
  } catch {
    // the window may end inside a quoted field: what was read so far is the preview
  }
  const [columns = [], ...rows] = records;
  return { columns, rows: rows.slice(0, PREVIEW_ROWS) };
}

async function previewXlsx(file: string): Promise<{ columns: string[]; rows: string[][] }> {
  const sheet = await openWorksheet(file, path.basename(file), undefined);
  const records: string[][] = [];
  for await (const row of sheet.rows) {
    const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
    records.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? String((v as { text?: unknown; result?: unknown }).text ?? (v as { result?: unknown }).result ?? '') : String(v))));
    if (records.length > PREVIEW_ROWS) break;
  }
  const [columns = [], ...rows] = records;
  return { columns, rows };
}
