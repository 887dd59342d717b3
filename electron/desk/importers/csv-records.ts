/**
 * RFC 4180 records from text given a piece at a time: fields separated by the delimiter, records
 * by CRLF, LF or a lone CR; a field in double quotes may hold delimiters, line breaks and doubled
 * quotes. Each record comes with the line it starts on (line breaks inside quoted fields count, as
 * an editor counts them). Written for a million-row register: one scan of each character, fields
 * cut from the text as it stands, no per-character callbacks. A quote inside an unquoted field, a
 * character after a closing quote, a quoted field never closed and a record longer than the bound
 * are refused with their line.
 */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

export class CsvRecords {
  private rest = '';
  private line = 1;
  private readonly delimiter: number;

  constructor(delimiter: string, private readonly maxRecordChars: number) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The records completed by `text` (the text after the last one is kept for the next push). */
  push(text: string, out: CsvRecord[]): void {
    const data = this.rest === '' ? text : this.rest + text;
    let at = 0;
    for (;;) {
      const end = this.record(data, at, false, out);
      if (end < 0) break;
      at = end;
    }
    this.rest = data.slice(at);
    if (this.rest.length > this.maxRecordChars) throw new CsvSyntaxError(this.line, `a row is longer than ${this.maxRecordChars} characters`);
  }

  /** The last record, if the text did not end with a line break. */
  end(out: CsvRecord[]): void {
    if (this.rest !== '') this.record(this.rest, 0, true, out);
    this.rest = '';
  }

  /**
   * Reads the record starting at `start`: pushes it and returns where the next one starts, or
   * returns -1 when the text ends before the record does (and `final` is false).
   */
  private record(data: string, start: number, final: boolean, out: CsvRecord[]): number {
    const fields: string[] = [];
    const length = data.length;
    let breaks = 0;
    let at = start;
    if (at >= length) return -1;
    for (;;) {
      let value: string;
      if (data.charCodeAt(at) === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        let from = at + 1;
        value = '';
        for (;;) {
          const q = data.indexOf('"', from);
          if (q < 0) {
            if (!final) return -1;
            throw new CsvSyntaxError(this.line, 'a quoted field is never closed');
          }
          if (q + 1 >= length && !final) return -1;
          breaks += lineBreaks(data, from, q);
          if (data.charCodeAt(q + 1) === QUOTE) {
            value += data.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += data.slice(from, q);
          at = q + 1;
          break;
        }
        const next = at < length ? data.charCodeAt(at) : -1;
        if (next !== this.delimiter && next !== CR && next !== LF && next !== -1) {
          throw new CsvSyntaxError(this.line + breaks, 'a quote inside a quoted field is not doubled (RFC 4180)');
        }
      } else {
        let k = at;
        for (; k < length; k += 1) {
          const c = data.charCodeAt(k);
          if (c === this.delimiter || c === CR || c === LF) break;
          if (c === QUOTE) throw new CsvSyntaxError(this.line + breaks, 'a quote inside a field that is not quoted (RFC 4180: quote the whole field and double the quote)');
        }
        if (k >= length && !final) return -1;
        value = data.slice(at, k);
        at = k;
      }
      fields.push(value);
      if (at - start > this.maxRecordChars) throw new CsvSyntaxError(this.line, `a row is longer than ${this.maxRecordChars} characters`);
      if (at >= length) {
        out.push({ fields, line: this.line });
        this.line += breaks + 1;
        return length;
      }
      const c = data.charCodeAt(at);
      if (c === this.delimiter) {
        at += 1;
        if (at >= length && !final) return -1;
        if (at >= length) {
          fields.push('');
          out.push({ fields, line: this.line });
          this.line += breaks + 1;
          return length;
        }
        continue;
      }
      // The record's line break: CRLF, LF or a lone CR (a CR at the text's end waits for what follows).
      if (c === CR && at + 1 >= length && !final) return -1;
      const after = c === CR && data.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      out.push({ fields, line: this.line });
      this.line += breaks + 1;
      return after;
    }
  }
}

/** Line breaks in data[from, to): CRLF, LF and lone CR each count once. */
function lineBreaks(data: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k += 1) {
    const c = data.charCodeAt(k);
    if (c === LF) n += 1;
    else if (c === CR && data.charCodeAt(k + 1) !== LF) n += 1;
  }
  return n;
}
