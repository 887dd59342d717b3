import { describe, expect, it } from 'vitest';
import { oddLotTermsSchema, rightsOfferingTermsSchema } from '../../../../shared/domain/terms';
import {
  blankValues,
  classRowCount,
  fieldForPath,
  formatWallTime,
  normalizeField,
  termsToValues,
  toFormValues,
  valuesToTerms,
} from './terms-form';

const xo = rightsOfferingTermsSchema.parse({
  kind: 'rights-offering',
  subscriptionPrice: '5.00',
  maxShares: 43333333,
  recordDate: '2003-10-10',
  certificateIssueDate: '2003-11-07',
  expiration: { basis: 'derived' },
  guaranteedDelivery: { allowed: false },
  oversubscription: { basis: 'requested', requireFullBasic: true },
  classes: [
    { code: 'A', colour: 'BLUE', description: 'firm rights', firmRightsPerUnit: '1', oversubscription: true, transferable: false, stage: 1 },
    { code: 'B', colour: 'GREEN', firmRightsPerUnit: '0.1', oversubscription: true, transferable: false, stage: 1 },
    { code: 'T', colour: 'WHITE', firmRightsPerUnit: '1', oversubscription: false, transferable: true, stage: 2 },
  ],
});
const odd = oddLotTermsSchema.parse({
  kind: 'odd-lot',
  processingFeePerShare: '0.65',
  roundLot: 100,
  recordDate: '2026-02-27',
  expiresAt: '2026-04-10T17:00',
  excludedJurisdictions: ['CA', 'US-NY'],
  planSharesExcluded: true,
  backupWithholdingRate: '0.245',
});

describe('wall times', () => {
  it('shows a wall time as a date and a clock time', () => {
    expect(formatWallTime('2003-12-08T17:00')).toBe('12/08/2003 5:00 p.m.');
    expect(formatWallTime('2003-12-08T09:05')).toBe('12/08/2003 9:05 a.m.');
  });
});

describe('form values and terms', () => {
  it('round-trips rights offering terms, keeping what the form does not show', () => {
    const values = termsToValues(xo);
    expect(values).toMatchObject({ subscriptionPrice: '5.00', maxShares: '43,333,333', recordDate: '10/10/2003', 'classes.1.firmRightsPerUnit': '0.1', 'classes.2.stage': '2' });
    const back = rightsOfferingTermsSchema.parse(valuesToTerms('rights-offering', values, 3, xo));
    expect(back).toEqual(xo);
    expect(JSON.stringify(back)).toBe(JSON.stringify(xo));
  });

  it('turns an entered expiration and guaranteed delivery into the terms', () => {
    const values = { ...termsToValues(xo), expirationBasis: 'entered', expirationDate: '121503', expirationTime: '1700', guaranteedDelivery: 'yes', coverBusinessDays: '3', subscriptionPrice: '1,005.5' };
    const terms = valuesToTerms('rights-offering', values, 2, xo);
    expect(terms).toMatchObject({ subscriptionPrice: '1005.5', expiration: { basis: 'entered', at: '2003-12-15T17:00' }, guaranteedDelivery: { allowed: true, coverBusinessDays: 3 } });
    expect((terms.classes as unknown[]).length).toBe(2);
  });

  it('round-trips odd-lot terms, percent shown and rate stored', () => {
    const values = termsToValues(odd);
    expect(values).toMatchObject({ backupWithholdingPercent: '24.5', excludedJurisdictions: 'CA, US-NY', expiryDate: '04/10/2026', expiryTime: '17:00', processingFeePerShare: '0.65' });
    expect(oddLotTermsSchema.parse(valuesToTerms('odd-lot', values, 0, odd))).toEqual(odd);
  });

  it('passes what does not read through, so the schema names the field', () => {
    const values = { ...blankValues('rights-offering', '2003-10-10'), subscriptionPrice: '5.5.0', maxShares: '4.5' };
    const result = rightsOfferingTermsSchema.safeParse(valuesToTerms('rights-offering', values, 1));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('subscriptionPrice');
    expect(paths).toContain('maxShares');
  });

  it('maps a problem path to the field that shows it', () => {
    expect(fieldForPath('terms.classes.1.firmRightsPerUnit')).toBe('classes.1.firmRightsPerUnit');
    expect(fieldForPath('terms.classes.1.description')).toBe('classes.1.code');
    expect(fieldForPath('terms.expiration.at')).toBe('expirationDate');
    expect(fieldForPath('terms.backupWithholdingRate')).toBe('backupWithholdingPercent');
    expect(fieldForPath('terms.excludedJurisdictions.2')).toBe('excludedJurisdictions');
    expect(fieldForPath('terms.subscriptionPrice')).toBe('subscriptionPrice');
    expect(fieldForPath('reason')).toBe('reason');
    expect(fieldForPath('terms.timeZone')).toBeNull();
  });
});

describe('the classes as a field array', () => {
  it('gathers flat class fields into rows, in order, and counts them', () => {
    const flat = { reason: 'x', 'classes.1.code': 'B', 'classes.0.code': 'A', 'classes.0.stage': '2' };
    const form = toFormValues(flat);
    expect(form.reason).toBe('x');
    expect(form.classes.map((c) => [c.code, c.stage])).toEqual([
      ['A', '2'],
      ['B', '1'],
    ]);
    expect(classRowCount(flat)).toBe(2);
    expect(classRowCount({ reason: 'x' })).toBe(0);
  });
});

describe('how fields show once left', () => {
  it('gives money its cents, shares their grouping, dates and times their form, codes capitals', () => {
    expect(normalizeField('subscriptionPrice')?.('1234.5')).toBe('1,234.50');
    expect(normalizeField('maxShares')?.('43333333')).toBe('43,333,333');
    expect(normalizeField('recordDate')?.('101003')).toBe('10/10/2003');
    expect(normalizeField('expiryTime')?.('1700')).toBe('17:00');
    expect(normalizeField('classes.3.code')?.(' t ')).toBe('T');
    expect(normalizeField('reason')).toBeUndefined();
  });
});
