/**
 * Fixed-width layouts: each contract column at a character position of the line (1-based start,
 * length), fields trimmed. Lines end in LF or CRLF; blank lines are skipped; the layout's
 * `skipLines` are a title or header. Streamed line by line, never the whole file in memory.
 */
import { StringDecoder } from 'node:string_decoder';
import { MAX_ROW_CHARS, readRegisterBytes, RegisterFileError } from './file-bytes';
import { REGISTER_COLUMNS, type FixedLayout, type RawRow } from './layout';
import type { RegisterSource, SourceRow } from './source';

export function fixedSource(file: string, shown: string, layout: FixedLayout): RegisterSource {
  const { stream, digest } = readRegisterBytes(file, shown, { utf8: true });
  async function* rows(): AsyncGenerator<SourceRow> {
    let line = 0;
    for await (const text of lines(stream, shown)) {
      line += 1;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) {
        if (layout.skipLines < 1 && text.length > 1) yield { line, row: cut(text.slice(1), layout) };
        continue;
      }
      if (line <= layout.skipLines || text.trim() === '') continue;
      yield { line, row: cut(text, layout) };
    }
  }
  return { [Symbol.asyncIterator]: rows, digest, close: () => stream.destroy() };
}

/** Characters, not UTF-16 units: "Nguyễn" is as long in the layout as it looks. */
function cut(text: string, layout: FixedLayout): RawRow {
  const chars = [...text];
  const row = {} as RawRow;
  for (const column of REGISTER_COLUMNS) {
    const at = layout.columns[column];
    row[column] = at === undefined ? '' : chars.slice(at.start - 1, at.start - 1 + at.length).join('').trim();
  }
  return row;
}

/** The stream's lines without their LF or CRLF; a line longer than MAX_ROW_CHARS refuses the file. */
async function* lines(stream: AsyncIterable<Buffer>, shown: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let count = 0;
  const tooLong = () => new RegisterFileError(`${shown}: line ${count + 1} is longer than ${MAX_ROW_CHARS} characters`);
  for await (const chunk of stream) {
    pending += decoder.write(chunk);
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const text = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (text.length > MAX_ROW_CHARS + 1) throw tooLong();
      count += 1;
      yield text.endsWith('\r') ? text.slice(0, -1) : text;
    }
    if (pending.length > MAX_ROW_CHARS + 1) throw tooLong();
  }
  pending += decoder.end();
  if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}
