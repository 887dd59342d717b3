import { describe, expect, it } from 'vitest';
import type { JournalEntryView } from '../../../../shared/ipc/types';
import { describeVerification, newestFirst, payloadSummary } from './journal';

const entry = (seq: number): JournalEntryView => ({ seq, at: '2024-01-02T15:00:00Z', username: 'ada', action: 'x', payload: null, hash: 'h' });

describe('journal helpers', () => {
  it('orders entries newest first without duplicates', () => {
    expect(newestFirst([entry(1), entry(3), entry(2), entry(3)]).map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('describes a good and a broken chain in words', () => {
    expect(describeVerification({ ok: true, entries: 12 })).toBe('Journal verified: 12 entries, every hash and link holds.');
    expect(describeVerification({ ok: false, entries: 12, firstBroken: { seq: 7, reason: 'hash does not match' } })).toBe(
      'Journal broken at entry 7: hash does not match (12 entries checked).',
    );
  });

  it('summarizes a payload as key: value pairs and cuts long ones', () => {
    expect(payloadSummary({ username: 'bob', role: 'clerk', n: 3 })).toBe('username: bob, role: clerk, n: 3');
    expect(payloadSummary({ after: { name: 'Apple', id: 2 }, tags: ['a', 'b'], gone: null })).toBe('after: {name: Apple, id: 2}, tags: [a, b], gone: ');
    expect(payloadSummary('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(payloadSummary(null)).toBe('');
  });
});
