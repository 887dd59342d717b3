import { describe, expect, it } from 'vitest';
import { describeVerification, payloadSummary } from './journal';


describe('journal helpers', () => {
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
