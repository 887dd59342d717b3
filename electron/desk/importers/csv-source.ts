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
    const decoder = new Utf8Text();
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
        records.push(decoder.next(chunk), batch);
        yield* take();
      }
      records.push(decoder.end(), batch);
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

/**
 * Text from UTF-8 chunks, a character cut by a chunk's end kept for the next; a BOM at the start
 * is dropped. The bytes were checked to be UTF-8 before they get here (file-bytes.ts), so each
 * whole part decodes with Buffer's own fast decoder (TextDecoder's streaming mode is several times slower).
 */
class Utf8Text {
  private carry: Buffer | null = null;
  private started = false;

  next(chunk: Buffer): string {
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = completeLength(bytes);
    this.carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    let text = bytes.toString('utf8', 0, cut);
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }

  end(): string {
    const rest = this.carry === null ? '' : this.carry.toString('utf8');
    this.carry = null;
    return rest;
  }
}

/** How many bytes of `bytes` make whole characters: all but a sequence its end cuts short. */
function completeLength(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
