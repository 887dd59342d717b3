import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from './money';
import { FirmRightsRate, compareCertificateNumbers, firmRights, splitRequestDecision, splitRights, transferDecision } from './rights';
import { splitRequestCutoff } from './calendar';

describe('§1b rights per certificate, rounded down', () => {
  it('§1b class A: the firm rights printed; class B: 1,234.9 underlying shares × 0.1 ⇒ 123; class C: 0', () => {
    expect(firmRights('5000', '1')).toBe(5000);
    expect(firmRights('1234.9', '0.1')).toBe(123);
    expect(firmRights('1', '0')).toBe(0);
    expect(firmRights('9', '0.1')).toBe(0);
  });
  it('§2b nominee split by beneficial owner: each part rounded down, no cash in lieu (parts may add up to less)', () => {
    expect(splitRights(['15', '15', '15'], '0.1')).toEqual([1, 1, 1]);
    expect(firmRights('45', '0.1')).toBe(4);
  });
  it('§2a a subscription certificate may not be split; §2b a transferable one only by 5:00 p.m. five business days before expiration', () => {
    const cutoff = splitRequestCutoff('2003-12-08T17:00');
    expect(cutoff).toBe('2003-12-01T17:00');
    expect(splitRequestDecision(false, '2003-11-20T10:00', cutoff)).toBe('not-transferable');
    expect(splitRequestDecision(true, '2003-12-01T17:00', cutoff)).toBe('allowed');
    expect(splitRequestDecision(true, '2003-12-01T17:01', cutoff)).toBe('too-late');
  });
  it('§3 transfers of transferable certificates until 5:00 p.m. on their expiration date; none for subscription certificates', () => {
    expect(transferDecision(true, '2003-12-08T17:00', '2003-12-08T17:00')).toBe('allowed');
    expect(transferDecision(true, '2003-12-08T17:01', '2003-12-08T17:00')).toBe('too-late');
    expect(transferDecision(false, '2003-11-10T09:00', '2003-12-08T17:00')).toBe('not-transferable');
  });
  it('property: firmRights = floor(units × rate) exactly, and the per-class fast path agrees (3,000 runs)', () => {
    const dec = (max: number, scale: number) => fc.integer({ min: 0, max }).map((u) => new Dec(u).dividedBy(new Dec(10).pow(scale)).toFixed(scale));
    fc.assert(
      fc.property(fc.oneof(dec(10 ** 9, 0), dec(10 ** 9, 3), dec(10 ** 15, 6)), fc.oneof(dec(10, 0), dec(1000, 3), dec(10 ** 12, 12)), (units, rate) => {
        const expected = new Dec(units).times(rate).floor();
        fc.pre(expected.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER));
        expect(firmRights(units, rate)).toBe(expected.toNumber());
        expect(new FirmRightsRate(rate).of(units)).toBe(expected.toNumber());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('certificate numbers in the order a clerk reads them', () => {
  it('numeric runs compare as numbers; the order is total', () => {
    const list = ['RT-10', 'RT-9', 'RT-000100', 'RT-0009', 'RS-5', 'RT-9A', 'RT-9'];
    expect([...list].sort(compareCertificateNumbers)).toEqual(['RS-5', 'RT-0009', 'RT-9', 'RT-9', 'RT-9A', 'RT-10', 'RT-000100']);
    expect(compareCertificateNumbers('RT-000001', 'RT-000002')).toBeLessThan(0);
    expect(compareCertificateNumbers('RT-1', 'RT-1')).toBe(0);
  });
  it('property: antisymmetric and zero only for equal strings (3,000 runs)', () => {
    const num = fc.stringMatching(/^[A-Z]{0,2}-?[0-9]{0,4}[A-Z]?[0-9]{0,2}$/);
    fc.assert(
      fc.property(num, num, (a, b) => {
        expect(Math.sign(compareCertificateNumbers(a, b)) + Math.sign(compareCertificateNumbers(b, a))).toBe(0);
        expect(compareCertificateNumbers(a, b) === 0).toBe(a === b);
      }),
      { numRuns: 3000 },
    );
  });
});
