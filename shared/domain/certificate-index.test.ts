import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CertificateIndex } from './certificate-index';

describe('certificate lookup by number', () => {
  it('fixed-width numbering: finds every certificate, refuses near misses', () => {
    const ix = new CertificateIndex(['RT-000003', 'RT-000001', 'RT-000002']);
    expect(['RT-000001', 'RT-000002', 'RT-000003'].map((n) => ix.get(n))).toEqual([1, 2, 0]);
    for (const miss of ['RT-1', 'RT-0000001', 'XT-000001', 'RT-000004', 'RT-00000A', '', 'RT-']) expect(ix.get(miss), miss).toBeUndefined();
    expect(ix.duplicate).toBeNull();
  });
  it('sparse counters and mixed numbering fall back without changing answers', () => {
    const sparse = new CertificateIndex(['RT-000000001', 'RT-900000000']);
    expect([sparse.get('RT-000000001'), sparse.get('RT-900000000'), sparse.get('RT-000000002')]).toEqual([0, 1, undefined]);
    const mixed = new CertificateIndex(['RT-9', 'RT-10', 'B-7']);
    expect([mixed.get('RT-9'), mixed.get('RT-10'), mixed.get('B-7'), mixed.get('RT-09')]).toEqual([0, 1, 2, undefined]);
  });
  it('reports the first repeated number and where it first appeared', () => {
    expect(new CertificateIndex(['RT-01', 'RT-02', 'RT-01']).duplicate).toEqual({ at: 2, first: 0 });
    expect(new CertificateIndex(['A', 'B', 'B']).duplicate).toEqual({ at: 2, first: 1 });
  });
  it('property: agrees with a plain Map for any list of numbers and any probe (3,000 runs)', () => {
    const num = fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((k) => `RT-${String(k).padStart(4, '0')}`),
      fc.integer({ min: 0, max: 10 ** 9 }).map((k) => `RT-${String(k).padStart(10, '0')}`),
      fc.stringMatching(/^[A-Z]{0,2}-?[0-9]{0,5}$/),
    );
    fc.assert(
      fc.property(fc.uniqueArray(num, { maxLength: 40 }), fc.array(num, { maxLength: 20 }), (numbers, probes) => {
        const ix = new CertificateIndex(numbers);
        const plain = new Map(numbers.map((n, i) => [n, i]));
        expect(ix.duplicate).toBeNull();
        for (const p of [...numbers, ...probes]) expect(ix.get(p)).toBe(plain.get(p));
      }),
      { numRuns: 3000 },
    );
  });
});
