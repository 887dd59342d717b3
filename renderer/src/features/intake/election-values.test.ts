import { describe, expect, it } from 'vitest';
import { blankElection, draftOf, electionChecks, normalizeCertificateNumber, type ElectionValues } from './election-values';
import { flattenValues } from '../../lib/validation';

const keyed = (more: Partial<ElectionValues>): ElectionValues => ({ ...blankElection(), certificateNumber: 'rt4', ...more });
const problems = (v: ElectionValues) => {
  const flat = flattenValues(v);
  return Object.fromEntries(Object.entries(electionChecks(flat)).map(([name, check]) => [name, check(flat[name] ?? '', flat)]).filter(([, p]) => p !== null));
};

describe('the election form’s values', () => {
  it('reads a certificate number however it is typed or scanned', () => {
    expect(normalizeCertificateNumber('rt4')).toBe('RT-000004');
    expect(normalizeCertificateNumber(' RT-000123 ')).toBe('RT-000123');
    expect(normalizeCertificateNumber('123')).toBe('RT-000123');
    expect(normalizeCertificateNumber('XY-1')).toBe('XY-1');
  });

  it('makes the draft main receives: blank basic shares is no number indicated; a blank payment row is left out', () => {
    const draft = draftOf(keyed({ basicShares: '', payments: [{ method: 'check', amount: '', checkNumber: '', abaRouting: '', bankAccount: '', payer: 'Carried in', reference: '' }] }), 3, 9);
    expect(draft).toMatchObject({ batchId: 3, envelopeId: 9, certificateNumber: 'RT-000004', basicShares: null, oversubscriptionShares: 0, signed: true, payments: [] });
    const paid = draftOf(keyed({ basicShares: '1,000', signed: 'no', payments: [{ method: 'money-order', amount: '5,000', checkNumber: '77', abaRouting: '', bankAccount: '', payer: 'An', reference: '' }] }), 3, 9);
    expect(paid).toMatchObject({ basicShares: 1000, signed: false, payments: [{ method: 'money-order', amount: '5000.00', checkNumber: '77', payer: 'An' }] });
    // An answer about a hidden question does not travel: no medallion without delivery elsewhere.
    expect(draftOf(keyed({ medallion: 'yes' }), 3, 9)?.medallion).toBe(false);
    expect(draftOf(keyed({ basicShares: '12x' }), 3, 9)).toBeNull();
  });

  it('names each problem by its field in words', () => {
    expect(problems(keyed({ basicShares: '1.5', payments: [{ method: 'check', amount: '12.345', checkNumber: '', abaRouting: '021000022', bankAccount: '', payer: '', reference: '' }] }))).toEqual({
      basicShares: 'Basic shares: type whole shares as digits, e.g. 100',
      'payments.0.amount': 'Amount: type dollars and cents, e.g. 615.00',
      'payments.0.checkNumber': 'Check number is required for a check',
      'payments.0.abaRouting': 'Routing number: 021000022 fails its check digit (the last digit should be 1) — check it against the check',
      'payments.0.payer': 'Payer is required',
    });
    expect(problems(keyed({ payments: [{ method: 'wire', amount: '5', checkNumber: '', abaRouting: '', bankAccount: '', payer: 'An', reference: '' }] }))).toEqual({ 'payments.0.reference': 'Wire reference is required for a wire' });
    expect(problems(keyed({ certificateNumber: 'XY-1' }))).toEqual({ certificateNumber: 'Certificate number: type or scan it as printed, e.g. RT-000123' });
  });
});
