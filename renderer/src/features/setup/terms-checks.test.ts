import { describe, expect, it } from 'vitest';
import { labelOf, termsChecks, wholeTermsProblem } from './terms-checks';
import { blankValues, type TermsValues } from './terms-form';

const rights = (over: TermsValues = {}): TermsValues => ({
  ...blankValues('rights-offering', '2003-10-10'),
  subscriptionPrice: '5.00',
  maxShares: '43333333',
  certificateIssueDate: '11/07/2003',
  'classes.0.code': 'A',
  'classes.0.colour': 'BLUE',
  'classes.0.firmRightsPerUnit': '1',
  reason: 'Original terms',
  ...over,
});

describe('the Terms form checks, from the engine schemas', () => {
  it('names the field and says what was expected', () => {
    const c = termsChecks('rights-offering', 2);
    const v = rights();
    expect(c.subscriptionPrice!('5.5.0', v)).toBe('Subscription price: type dollars and cents, e.g. 5.00');
    expect(c.subscriptionPrice!('1,234.50', v)).toBeNull();
    expect(c.subscriptionPrice!('0', v)).toBe('Subscription price: must be more than zero, got "0"');
    expect(c.maxShares!('4.5', v)).toBe('Maximum shares: type whole shares as digits, e.g. 43333333');
    expect(c.maxShares!('', v)).toBe('Maximum shares is required');
    expect(c.recordDate!('023003', v)).toBe('Record date: 02/30/2003 is not a real calendar date');
    expect(c['classes.1.firmRightsPerUnit']!('0.1.', v)).toBe('Class 2 firm rights per unit: type a number, e.g. 1 or 0.5');
    expect(c['classes.1.code']!('a', { ...v, 'classes.1.code': 'a' })).toBe('Class 2 code: class "A" is already row 1');
    expect(c.reason!('  ', v)).toBe('Reason is required');
  });

  it('asks what the book asks beyond the engine: whole cents, at least a share, a business day, a real reason', () => {
    const c = termsChecks('rights-offering', 1);
    const v = rights();
    expect(c.subscriptionPrice!('5.001', v)).toBe('Subscription price: whole cents only (at most 2 decimals, holders pay in dollars and cents), got 5.001');
    expect(c.maxShares!('0', v)).toBe('Maximum shares: must be at least 1 share, got 0');
    expect(c.certificateIssueDate!('112703', v)).toBe('Certificate issue date: 11/27/2003 is Thanksgiving Day, not a business day (NYSE calendar)');
    expect(c.certificateIssueDate!('110803', v)).toBe('Certificate issue date: 11/08/2003 is a Saturday, not a business day (NYSE calendar)');
    expect(c.reason!('x', v)).toBe('Reason: say why in a few words (at least 10 characters), e.g. Extension per press release');
  });

  it('asks to confirm an earlier expiration, with its reason, only when the keyed expiration is earlier', () => {
    const c = termsChecks('rights-offering', 1, { calendar: 'NYSE', currentExpiresAt: '2003-12-15T17:00' });
    const later = rights({ expirationBasis: 'entered', expirationDate: '12/22/2003', expirationTime: '17:00' });
    expect(c.confirmEarlier!('no', later)).toBeNull();
    expect(c.earlierReason!('', later)).toBeNull();
    const earlier = rights(); // by rule from 11/07/2003: 12/08/2003 5:00 p.m.
    expect(c.confirmEarlier!('no', earlier)).toBe('Expiration moves earlier, from 12/15/2003 5:00 p.m. to 12/08/2003 5:00 p.m. New York time: confirm the earlier expiration and say why');
    expect(c.confirmEarlier!('yes', earlier)).toBeNull();
    expect(c.earlierReason!('', earlier)).toBe('Why expiration moves earlier is required');
  });

  it('checks an entered expiration and the guaranteed delivery period only when they apply', () => {
    const c = termsChecks('rights-offering', 1);
    expect(c.expirationDate!('', rights())).toBeNull();
    expect(c.expirationDate!('', rights({ expirationBasis: 'entered' }))).toBe('Expiration date is required');
    expect(c.expirationTime!('2500', rights({ expirationBasis: 'entered' }))).toBe('Expiration time must be HHMM (New York time), e.g. 1700');
    expect(c.coverBusinessDays!('0', rights())).toBeNull();
    expect(c.coverBusinessDays!('0', rights({ guaranteedDelivery: 'yes' }))).toBe('Certificate within (business days): must be at least 1, got 0');
  });

  it('checks odd-lot fields: a percent between 0 and 100, jurisdiction codes', () => {
    const c = termsChecks('odd-lot', 0);
    const v = blankValues('odd-lot', '2026-02-27');
    expect(c.backupWithholdingPercent!('24', v)).toBeNull();
    expect(c.backupWithholdingPercent!('101', v)).toBe('Backup withholding (%): must be between 0 and 100, got "101"');
    expect(c.backupWithholdingPercent!('x', v)).toBe('Backup withholding (%): type a percent, e.g. 24');
    expect(c.excludedJurisdictions!('ca, us-ny', v)).toBeNull();
    expect(c.excludedJurisdictions!('Canada', v)).toMatch(/^Excluded jurisdictions: expected a jurisdiction code like "CA"/);
    expect(c.processingFeePerShare!('0.65', v)).toBeNull();
  });

  it('finds what only the whole terms show, as a form field', () => {
    expect(wholeTermsProblem('rights-offering', rights(), 1)).toBeNull();
    expect(wholeTermsProblem('rights-offering', rights({ certificateIssueDate: '10/01/2003' }), 1)).toEqual({
      field: 'certificateIssueDate',
      message: 'Certificate issue date: before the record date 2003-10-10',
    });
    expect(labelOf('classes.3.stage')).toBe('Class 4 stage');
    expect(labelOf('expiryDate')).toBe('Expiry date');
  });
});
