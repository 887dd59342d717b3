/**
 * The contract's default layout and any CSV layout: RFC 4180 (quoted fields, doubled quotes,
 * CRLF or LF, fields spanning lines), UTF-8 with or without a BOM, a header row whose names map
 * to the contract's columns. Streamed (csv-records.ts): never the whole file in memory.
 */
import { MAX_ROW_CHARS, readRegisterBytes, RegisterFileError } from './file-bytes';
import { CsvRecords, CsvSyntaxError, type CsvRecord } from './csv-records';
import { mapHeader, rowFromFields, type CsvLayout } from './layout';
import type { RegisterSource, SourceRow } from './source';

export function csvSource(file: string, shown: string, layout: CsvLayout): RegisterSource {
  const { stream, digest } = readRegisterBytes(file, shown, { utf8: true });
  async function* rows(): AsyncGenerator<SourceRow> {
    // The bytes were checked to be UTF-8 before they get here; a BOM at the start is dropped.
    const decoder = new TextDecoder('utf-8');
    const records = new CsvRecords(layout.delimiter, MAX_ROW_CHARS);
    const batch: CsvRecord[] = [];
    let index: Parameters<typeof rowFromFields>[1] | null = null;
    let width = 0;
    const take = function* (): Generator<SourceRow> {
      for (const { fields, line } of batch) {
        if (fields.length === 1 && fields[0] === '') continue; // a blank line
        if (index === null) {
          const mapped = mapHeader(fields, layout.columns);
          if (!mapped.ok) throw new RegisterFileError(`${shown}: line ${line}: ${mapped.message}`);
          index = mapped.index;
          width = fields.length;
          continue;
        }
        if (fields.length !== width) throw new RegisterFileError(`${shown}: line ${line} has ${fields.length} fields where the header has ${width}`);
        yield { line, row: rowFromFields(fields, index) };
      }
      batch.length = 0;
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        records.push(decoder.decode(chunk, { stream: true }), batch);
        yield* take();
      }
      records.push(decoder.decode(), batch);
      records.end(batch);
      yield* take();
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new RegisterFileError(`${shown}: ${error.message}`);
      throw error;
    }
    if (index === null) throw new RegisterFileError(`${shown} is empty: a header row naming the columns is needed`);
  }
  return { [Symbol.asyncIterator]: rows, digest, close: () => stream.destroy() };
}
