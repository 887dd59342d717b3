// A bulk write digested from the values it bound (RowLog.wroteBound) commits to exactly the range
// claim a read-back would give; anything that breaks that (keys out of order, the same table also
// written the ordinary way, too few rows for a range) falls back to reading the rows back.
import { describe, expect, it } from 'vitest';
import { RangeHash, RANGE_FROM, rowDigest, rowDigestOf, RowLog, PROVEN_TABLES } from './row-digests';

const COLUMNS = Object.keys(PROVEN_TABLES.register_entries).slice(1);
const rest = (i: number): unknown[] =>
  COLUMNS.map((c) => (c === 'program_id' || c === 'import_id' || c === 'line' ? i + 1 : c === 'tin_encrypted' ? (i % 2 === 0 ? Buffer.from([i % 256, 1, 2]) : null) : c === 'tin_last4' && i % 3 === 0 ? null : `${c} ${i} “Łódź” \u0000 "q"`));

describe('bound row digests', () => {
  it('digest a row given positionally exactly as rowDigest digests the row read back', () => {
    for (let i = 0; i < 10; i += 1) {
      const values = rest(i);
      const row = Object.fromEntries([['id', i + 7], ...COLUMNS.map((c, k) => [c, values[k]])]);
      expect(rowDigestOf('register_entries', i + 7, values)).toBe(rowDigest('register_entries', row));
    }
    expect(() => rowDigestOf('register_entries', 1, rest(0).slice(1))).toThrow('columns besides its key');
  });

  it('make the range claim of the keys in order, and give way to a read-back when they are not', () => {
    const n = RANGE_FROM + 5;
    const log = new RowLog();
    const expected = new RangeHash();
    for (let i = 0; i < n; i += 1) {
      log.wroteBound('register_entries', 100 + 2 * i, rest(i));
      expected.add(100 + 2 * i, rowDigestOf('register_entries', 100 + 2 * i, rest(i)));
    }
    expect(log.boundRange('register_entries')).toEqual({ from: 100, to: 100 + 2 * (n - 1), n, h: expected.digest() });
    expect([...log.tables()].map(([t, keys]) => [t, keys().length])).toEqual([['register_entries', n]]);

    const outOfOrder = new RowLog();
    for (let i = 0; i < n; i += 1) outOfOrder.wroteBound('register_entries', i === 3 ? 1 : 100 + i, rest(i));
    expect(outOfOrder.boundRange('register_entries')).toBeNull();
    expect([...outOfOrder.tables()][0]?.[1]()).toEqual([1, ...Array.from({ length: n - 1 }, (_, i) => (i < 3 ? 100 + i : 101 + i))]);

    const mixed = new RowLog();
    for (let i = 0; i < n; i += 1) mixed.wroteBound('register_entries', 100 + i, rest(i));
    mixed.wrote('register_entries', 100);
    expect(mixed.boundRange('register_entries')).toBeNull();
    expect([...mixed.tables()][0]?.[1]()).toHaveLength(n);

    const few = new RowLog();
    for (let i = 0; i < RANGE_FROM - 1; i += 1) few.wroteBound('register_entries', 100 + i, rest(i));
    expect(few.boundRange('register_entries')).toBeNull();
  });
});
