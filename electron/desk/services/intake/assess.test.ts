import { describe, expect, it } from 'vitest';
import { rightsDeadlines, rightsOfferingTermsSchema } from '../../../../shared/domain/terms';
import { XO_TERMS_JSON } from '../../../../shared/domain/testing/terms';
import { assess, paymentStatus, sumAmounts, type AssessInput } from './assess';

const terms = rightsOfferingTermsSchema.parse(XO_TERMS_JSON);
const price = terms.subscriptionPrice;
const expiresAt = rightsDeadlines(terms).expiresAt;
const classA = { class: 'A', firmRights: 1000, held: false };
const clean: AssessInput = {
  terms, certificate: classA, stampedLocal: '2003-11-20T09:15', basicShares: 100, oversubscriptionShares: 0,
  facts: { signed: true }, payments: [{ method: 'money-order', amount: '0.00', status: 'received' }], exercisedBefore: 0,
};
const cents = (text: string) => BigInt(text.replace('.', ''));
const costOf = (shares: number) => {
  const total = (cents(price.includes('.') ? price : `${price}.00`) * BigInt(shares)).toString().padStart(3, '0');
  return `${total.slice(0, -2)}.${total.slice(-2)}`;
};
const codes = (input: AssessInput) => assess(input).deficiencies.map((d) => d.code);
const paid = (amount: string, method: AssessInput['payments'][number]['method'] = 'money-order', status: 'received' | 'cleared' | 'returned' = 'received') => [{ method, amount, status }] as const;

describe('the engine’s verdict on a keyed election', () => {
  it('finds nothing wrong with a signed form paid in full by money order, and nothing due', () => {
    const v = assess({ ...clean, payments: paid(costOf(100)) });
    expect(v).toMatchObject({ deficiencies: [], basicShares: 100, rightsLeft: 1000, goodFunds: costOf(100), due: '0.00', excess: '0.00' });
  });

  it('applies §4b when no number is written: the funds decide, up to the rights left', () => {
    const v = assess({ ...clean, basicShares: null, payments: paid(costOf(250)), exercisedBefore: 900 });
    expect(v).toMatchObject({ basicShares: 100, rightsLeft: 100, excess: costOf(150) });
  });

  it('names a short payment and deems the exercise to what the funds cover', () => {
    const v = assess({ ...clean, payments: paid(costOf(60)) });
    expect(v.deficiencies.map((d) => d.code)).toEqual(['PAYMENT_SHORT']);
    expect(v).toMatchObject({ basicShares: 60, due: costOf(40) });
  });

  it('counts an uncleared check as not yet good, and a returned one never', () => {
    expect(codes({ ...clean, payments: paid(costOf(100), 'check') })).toEqual(['NO_GOOD_FUNDS']);
    expect(assess({ ...clean, payments: paid(costOf(100), 'check') })).toMatchObject({ pendingFunds: costOf(100), due: '0.00' });
    expect(codes({ ...clean, payments: paid(costOf(100), 'check', 'cleared') })).toEqual([]);
    expect(codes({ ...clean, payments: paid(costOf(100), 'check', 'returned') })).toEqual(['NO_GOOD_FUNDS', 'RETURNED_CHECK']);
  });

  it('treats DTC settlement as collected funds: good once cleared, like a wire', () => {
    expect(codes({ ...clean, payments: paid(costOf(100), 'dtc') })).toEqual(['NO_GOOD_FUNDS']);
    expect(codes({ ...clean, payments: paid(costOf(100), 'dtc', 'cleared') })).toEqual([]);
  });

  it('judges lateness from the envelope’s New York stamp: on the minute is in time, a minute later is LATE', () => {
    expect(codes({ ...clean, stampedLocal: expiresAt, payments: paid(costOf(100)) })).toEqual([]);
    const minuteLater = `${expiresAt.slice(0, 14)}${String(Number(expiresAt.slice(14)) + 1).padStart(2, '0')}`;
    expect(codes({ ...clean, stampedLocal: minuteLater, payments: paid(costOf(100)) })).toEqual(['LATE']);
  });

  it('names each missing signature fact, and a foreign holder without instruction', () => {
    expect(codes({ ...clean, facts: { signed: false }, payments: paid(costOf(100)) })).toEqual(['UNSIGNED']);
    expect(codes({ ...clean, facts: { signed: true, deliverToOtherNameOrAddress: true }, payments: paid(costOf(100)) })).toEqual(['MEDALLION_GUARANTEE_MISSING']);
    expect(codes({ ...clean, certificate: { ...classA, held: true }, payments: paid(costOf(100)) })).toEqual(['FOREIGN_NO_INSTRUCTION']);
  });

  it('takes a DTC instruction’s rights surrendered as the rights it exercises', () => {
    const v = assess({ ...clean, certificate: { class: 'A', firmRights: 1_000_000, held: false }, rightsSurrendered: 50, basicShares: 60, payments: paid(costOf(60), 'dtc', 'cleared') });
    expect(v).toMatchObject({ rights: 50, basicShares: 50, exceedsRights: true });
    expect(v.deficiencies.map((d) => d.code)).toContain('EXCEEDS_RIGHTS');
  });

  it('derives a payment’s state from its events, and sums money exactly', () => {
    expect(paymentStatus([])).toBe('received');
    expect(paymentStatus([{ kind: 'cleared' }])).toBe('cleared');
    expect(paymentStatus([{ kind: 'cleared' }, { kind: 'returned' }])).toBe('returned');
    expect(sumAmounts(['0.10', '0.20', '1234567.89'])).toBe('1234568.19');
  });
});
