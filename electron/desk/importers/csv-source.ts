/**
 * The contract's default layout and any CSV layout: RFC 4180 (quoted fields, doubled quotes,
 * CRLF or LF, fields spanning lines), UTF-8 with or without a BOM, a header row whose names map
 * to the contract's columns. Streamed through csv-parse: never the whole file in memory.
 */
import { CsvError, parse } from 'csv-parse';
import { pipeline } from 'node:stream';
import { MAX_ROW_CHARS, readRegisterBytes, RegisterFileError } from './file-bytes';
import { mapHeader, rowFromFields, type CsvLayout } from './layout';
import type { RegisterSource, SourceRow } from './source';

interface CsvRecord {
  readonly record: string[];
  /** The record's text without its final line break: what its line count is read from. */
  readonly raw: string;
}

/** Line breaks inside a record (quoted fields over several lines). */
function breaksIn(raw: string): number {
  let n = 0;
  for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) n += 1;
  return n;
}

export function csvSource(file: string, shown: string, layout: CsvLayout): RegisterSource {
  const { stream, digest } = readRegisterBytes(file, shown, { utf8: true });
  const parser = parse({ bom: true, delimiter: layout.delimiter, relax_column_count: true, max_record_size: MAX_ROW_CHARS, raw: true });
  pipeline(stream, parser, () => undefined); // errors reach the iterator through the parser
  async function* rows(): AsyncGenerator<SourceRow> {
    let index: Parameters<typeof rowFromFields>[1] | null = null;
    let width = 0;
    let next = 1;
    try {
      for await (const { record, raw } of parser as AsyncIterable<CsvRecord>) {
        // The line a record starts on, as an editor numbers it (csv-parse's own count is of records' ends).
        const line = next;
        next += breaksIn(raw) + (raw.endsWith('\n') ? 0 : 1); // raw holds the LF of a LF file, only the CR of a CRLF one
        if (record.length === 1 && record[0] === '') continue; // a blank line
        if (index === null) {
          const mapped = mapHeader(record, layout.columns);
          if (!mapped.ok) throw new RegisterFileError(`${shown}: line ${line}: ${mapped.message}`);
          index = mapped.index;
          width = record.length;
          continue;
        }
        if (record.length !== width) throw new RegisterFileError(`${shown}: line ${line} has ${record.length} fields where the header has ${width}`);
        yield { line, row: rowFromFields(record, index) };
      }
    } catch (error) {
      throw asFileError(error, shown);
    }
    if (index === null) throw new RegisterFileError(`${shown} is empty: a header row naming the columns is needed`);
  }
  return { [Symbol.asyncIterator]: rows, digest, close: () => stream.destroy() };
}

function asFileError(error: unknown, shown: string): Error {
  if (error instanceof RegisterFileError) return error;
  if (error instanceof CsvError) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? `line ${(error as unknown as { lines: number }).lines}: ` : '';
    const what = CSV_PROBLEMS[error.code] ?? error.message.split('\n')[0] ?? error.code;
    return new RegisterFileError(`${shown}: ${line}${what}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

const CSV_PROBLEMS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted field is not doubled (RFC 4180)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote',
  CSV_MAX_RECORD_SIZE: `a row is longer than ${MAX_ROW_CHARS} characters`,
};
