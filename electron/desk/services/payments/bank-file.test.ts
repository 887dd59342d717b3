import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256File, tempDir } from '../../testing/temp';
import { bankAmount, bankDate, readBankFile } from './bank-file';
import { matchBankLines, unmatchedCsv, type MatchCandidate } from './bank-match';
import { FIXTURE_BANK_LAYOUT, FIXTURE_HEADER } from './bank-fixture';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('bank-')));
afterEach(() => t.cleanup());

const write = (name: string, text: string | Buffer) => {
  const file = t.file(name);
  writeFileSync(file, text);
  return file;
};

const candidate = (c: Partial<MatchCandidate> & Pick<MatchCandidate, 'id'>): MatchCandidate => ({
  method: 'check', amount: '615.00', checkNumber: null, bankAccount: null, reference: null, receivedOn: '2003-11-10', settled: null, ...c,
});

describe('reading a bank file', () => {
  it('reads amounts and dates as the bank writes them', () => {
    expect(bankAmount('$1,234.5')).toBe('1234.50');
    expect(bankAmount('0615')).toBe('615.00');
    expect(bankAmount('0.00')).toBeNull();
    expect(bankAmount('12.345')).toBeNull();
    expect(bankAmount('-5.00')).toBeNull();
    expect(bankDate('11/14/2003', 'MM/DD/YYYY')).toBe('2003-11-14');
    expect(bankDate('02/30/2003', 'MM/DD/YYYY')).toBeNull();
    expect(bankDate('20031114', 'YYYYMMDD')).toBe('2003-11-14');
    expect(bankDate('2003-11-14', 'MM/DD/YYYY')).toBeNull();
  });

  it('maps the header by name, numbers the lines as an editor does, and hashes the bytes as read', async () => {
    const file = write('clear.csv', `\uFEFF${FIXTURE_HEADER}\r\n1001,12345678,"1,234.50",11/14/2003,PAID,,\r\n\r\n1002,12345678,100.00,11/14/2003,NSF,Insufficient funds,\r\n,,615.00,31/11/2003,PAID,,W-1\r\n`);
    const read = await readBankFile(file, 'clear.csv', FIXTURE_BANK_LAYOUT);
    expect(read.sha256).toBe(sha256File(file));
    expect(read.lines.map((l) => [l.line, l.read.checkNumber, l.meaning])).toEqual([
      [2, '1001', { amount: '1234.50', businessDate: '2003-11-14', outcome: 'cleared' }],
      [4, '1002', { amount: '100.00', businessDate: '2003-11-14', outcome: 'returned' }],
      [5, '', null],
    ]);
    expect(read.lines[2]!.problem).toBe('the date "31/11/2003" is not a real date written MM/DD/YYYY');
  });

  it('refuses a file without the layout\'s columns, one that is not UTF-8 (with its offset), and an empty one', async () => {
    await expect(readBankFile(write('a.csv', 'Check,Amount\n1,2\n'), 'a.csv', FIXTURE_BANK_LAYOUT)).rejects.toThrow(/a\.csv: the header has no column "Check No"/);
    await expect(readBankFile(write('b.csv', Buffer.concat([Buffer.from(`${FIXTURE_HEADER}\n1001,1,`), Buffer.from([0xff]), Buffer.from('5.00,11/14/2003,PAID,,\n')])), 'b.csv', FIXTURE_BANK_LAYOUT)).rejects.toThrow(
      `b.csv is not valid UTF-8: the bytes at offset ${FIXTURE_HEADER.length + 8} are not a character`,
    );
    await expect(readBankFile(write('c.csv', ''), 'c.csv', FIXTURE_BANK_LAYOUT)).rejects.toThrow(/c\.csv is empty/);
  });
});

describe('matching lines to payments', () => {
  const book = [
    candidate({ id: 1, checkNumber: '1001', bankAccount: '12345678' }),
    candidate({ id: 2, checkNumber: '1002', amount: '100.00' }),
    candidate({ id: 3, checkNumber: '1003', settled: 'cleared' }),
    candidate({ id: 4, method: 'money-order', checkNumber: '77' }),
    candidate({ id: 5, method: 'wire', reference: 'FED-REF-9', amount: '3075.00' }),
    candidate({ id: 6, checkNumber: '2000', bankAccount: '111' }),
    candidate({ id: 7, checkNumber: '2000', bankAccount: '222' }),
  ];

  it('clears and returns what it names, and says in words why every other line did not match', async () => {
    const file = write('day.csv', [
      FIXTURE_HEADER,
      '0001001,12345678,615.00,11/14/2003,PAID,,',
      '1002,,100.00,11/14/2003,RETURNED,NSF,',
      '1003,,615.00,11/14/2003,PAID,,',
      '1004,,615.00,11/14/2003,PAID,,',
      '1001,12345678,615.00,11/14/2003,PAID,,',
      '77,,615.00,11/14/2003,PAID,,',
      ',,3075.00,11/14/2003,COLLECTED,,fed-ref-9',
      '2000,,615.00,11/14/2003,PAID,,',
      '2000,999,615.00,11/14/2003,PAID,,',
      ',,5.00,11/14/2003,PAID,,',
      '1002,,101.00,11/14/2003,PAID,,',
      '2000,222,615.00,11/09/2003,PAID,,',
      '',
    ].join('\n'));
    const { lines } = await readBankFile(file, 'day.csv', FIXTURE_BANK_LAYOUT);
    const result = matchBankLines(lines, book);
    expect(result.matched.map((m) => [m.line, m.paymentId, m.outcome, m.reason])).toEqual([
      [2, 1, 'cleared', null],
      [3, 2, 'returned', 'NSF'],
      [8, 5, 'cleared', null],
    ]);
    expect(result.unmatched.map((u) => [u.line, u.code, u.why])).toEqual([
      [4, 'ALREADY_CLEARED', 'payment #3 is already cleared'],
      [5, 'NO_SUCH_CHECK', 'no payment with check number 1004 in this program'],
      [6, 'TWICE_IN_FILE', 'payment #1 was already matched by line 2 of this file'],
      [7, 'DOES_NOT_CLEAR', 'payment #4 is a money-order: good funds on receipt (§6a), nothing to clear or return'],
      [9, 'AMBIGUOUS', '2 payments have check number 2000 and $615.00 (payments #6, #7): clear the right one by hand'],
      [10, 'NO_SUCH_CHECK', 'no payment with check number 2000 on account 999 in this program'],
      [11, 'NO_IDENTIFIER', 'the line gives neither a check number nor a reference'],
      [12, 'AMOUNT_DIFFERS', 'the bank says $101.00; check number 1002 is $100.00 in the book'],
      [13, 'BEFORE_RECEIPT', 'the bank\'s date 2003-11-09 is before payment #7 was received (2003-11-10)'],
    ]);
    const csv = unmatchedCsv(result.unmatched.slice(0, 1));
    expect(csv).toBe('line,check_number,account,amount,date,status,return_reason,reference,code,why\r\n4,1003,,615.00,11/14/2003,PAID,,,ALREADY_CLEARED,payment #3 is already cleared\r\n');
  });

  it('keeps a spreadsheet from reading a line as a formula', () => {
    const csv = unmatchedCsv([{ line: 2, read: { checkNumber: '=HYPERLINK("x")', account: '', amount: '1', date: '', status: '', returnReason: '', reference: '' }, code: 'UNREADABLE', why: 'x' }]);
    expect(csv.split('\r\n')[1]).toBe('2,"\'=HYPERLINK(""x"")",,1,,,,,UNREADABLE,x');
  });
});
