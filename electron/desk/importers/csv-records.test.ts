import { describe, expect, it } from 'vitest';
import { CsvRecords, CsvSyntaxError, type CsvRecord } from './csv-records';

/** The records of `pieces` pushed one after another, as a stream gives them. */
function read(pieces: readonly string[], delimiter = ',', max = 1000): CsvRecord[] {
  const records = new CsvRecords(delimiter, max);
  const out: CsvRecord[] = [];
  for (const piece of pieces) records.push(piece, out);
  records.end(out);
  return out;
}

const TRICKY = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nplain,,\n"",last,"q"\rlone,cr,end\n"trail",,';

describe('CsvRecords', () => {
  it('reads quoted delimiters, doubled quotes, line breaks in fields, blank lines, CRLF, LF and a lone CR, with each record’s first line', () => {
    expect(read([TRICKY]).map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['x, y', 'say "hi"', 'two\r\nlines']],
      [4, ['']],
      [5, ['plain', '', '']],
      [6, ['', 'last', 'q']],
      [7, ['lone', 'cr', 'end']],
      [8, ['trail', '', '']],
    ]);
  });

  it('gives the same records wherever the text is cut into pieces', () => {
    const whole = read([TRICKY]);
    for (let cut = 0; cut <= TRICKY.length; cut += 1) {
      for (const second of [cut, Math.min(TRICKY.length, cut + 3)]) {
        expect(read([TRICKY.slice(0, cut), TRICKY.slice(cut, second), TRICKY.slice(second)])).toEqual(whole);
      }
    }
  });

  it('reads another delimiter, and a last record without a line break', () => {
    expect(read(['a;"b;c"\nd;e'], ';').map((r) => r.fields)).toEqual([['a', 'b;c'], ['d', 'e']]);
  });

  it('refuses bad quoting and an overlong record, naming the line', () => {
    const problem = (pieces: string[], max?: number) => {
      try {
        read(pieces, ',', max);
      } catch (error) {
        return error instanceof CsvSyntaxError ? error.message : `other: ${String(error)}`;
      }
      return 'no error';
    };
    expect(problem(['a,b\n"open,\nstill open'])).toBe('line 2: a quoted field is never closed');
    expect(problem(['a,b\nx,"q"z\n'])).toBe('line 2: a quote inside a quoted field is not doubled (RFC 4180)');
    expect(problem(['a,b\n\nx,y"z\n'])).toBe('line 3: a quote inside a field that is not quoted (RFC 4180: quote the whole field and double the quote)');
    expect(problem(['a,b\n', 'x'.repeat(30), 'y'.repeat(30)], 50)).toBe('line 2: a row is longer than 50 characters');
    expect(problem([`${'x'.repeat(60)}\n`], 50)).toBe('line 1: a row is longer than 50 characters');
  });
});
