import { describe, expect, it } from 'vitest';
import {
  amendTerms,
  currentTerms,
  oddLotEligibility,
  oddLotProgramFromTerms,
  oddLotSettlementDate,
  oddLotTermsSchema,
  originalTerms,
  rightsDeadlines,
  rightsOfferingTermsSchema,
  rightsProgramFromTerms,
  termsHistorySchema,
  termsInForceAt,
  termsVersion,
  TermsError,
  type RightsOfferingTerms,
} from './terms';
import { parseScenario, type RightsScenario } from './scenario';
import { settleRights } from './settle-rights';
import { XO_TERMS_JSON } from './testing/terms';

/** The XO deal, with the record date this file's tests were written against. */
const xoTermsJson = { ...XO_TERMS_JSON, recordDate: '2002-11-15' };

const xo = (): RightsOfferingTerms => rightsOfferingTermsSchema.parse(xoTermsJson);
const rec = (at: string, reason = 'Original terms') => ({ reason, at, by: 'supervisor' });

describe('rights offering terms', () => {
  it('the XO terms parse with defaults (New York, NYSE business days) and stay JSON with decimals as strings', () => {
    const t = xo();
    expect(t.timeZone).toBe('America/New_York');
    expect(t.businessDays).toBe('NYSE');
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
    expect(typeof t.subscriptionPrice).toBe('string');
  });
  it('refuses a float price, an unknown field and a duplicate class, naming the field', () => {
    const r1 = rightsOfferingTermsSchema.safeParse({ ...xoTermsJson, subscriptionPrice: 5 });
    expect(r1.success ? '' : r1.error.issues[0]!.message).toBe('expected a decimal string like "5.00", got the number 5');
    const r2 = rightsOfferingTermsSchema.safeParse({ ...xoTermsJson, bonus: true });
    expect(r2.success ? null : r2.error.issues[0]!.code).toBe('unrecognized_keys');
    const r3 = rightsOfferingTermsSchema.safeParse({ ...xoTermsJson, classes: [xoTermsJson.classes[0], xoTermsJson.classes[0]] });
    expect(r3.success ? null : [r3.error.issues[0]!.path, r3.error.issues[0]!.message]).toEqual([['classes', 1, 'code'], 'duplicate class "A"']);
  });
  it('recitals: expiration derived from the issue date; §2b split cutoff; §6c proceeds due; §10 final report', () => {
    expect(rightsDeadlines(xo())).toEqual({
      expiresAt: '2003-12-08T17:00',
      transferableExpiresAt: '2003-12-08T17:00',
      splitRequestCutoff: '2003-12-01T17:00',
      proceedsDue: '2003-12-30',
      finalReportDue: '2003-12-17T17:00',
      guaranteedDeliveryCutoff: null,
    });
  });
  it('§5 an entered expiration, a later transferable expiration, and guaranteed delivery where a deal allows it', () => {
    const t = rightsOfferingTermsSchema.parse({
      ...xoTermsJson,
      expiration: { basis: 'entered', at: '2003-12-08T17:00' },
      transferableExpiration: { basis: 'entered', at: '2003-12-15T17:00' },
      guaranteedDelivery: { allowed: true, coverBusinessDays: 3 },
    });
    const d = rightsDeadlines(t);
    expect(d.splitRequestCutoff).toBe('2003-12-08T17:00');
    expect(d.proceedsDue).toBe('2004-01-07'); // 15 business days after 2003-12-15 (Christmas, New Year skipped)
    expect(d.finalReportDue).toBe('2003-12-24T17:00');
    expect(d.guaranteedDeliveryCutoff).toBe('2003-12-11T17:00');
  });
  it('a class may say how many decimals its register units take (0 to 6, absent = whole units); the settlement does not read it', () => {
    const classes = xoTermsJson.classes.map((c, i) => (i === 0 ? { ...c, unitsDecimals: 2 } : c));
    const t = rightsOfferingTermsSchema.parse({ ...xoTermsJson, classes });
    expect(t.classes.map((c) => c.unitsDecimals)).toEqual([2, undefined, undefined, undefined]);
    expect(rightsProgramFromTerms(t).classes[0]).toEqual({ code: 'A', firmRightsPerUnit: '1', oversubscription: true });
    for (const [bad, message] of [[7, 'at most 6 decimals, got the number 7'], [1.5, 'expected a whole number of decimals from 0 to 6, got 1.5'], ['2', 'expected a whole number of decimals from 0 to 6, got the string "2"'], [-1, 'must not be negative, got -1']] as const) {
      const r = rightsOfferingTermsSchema.safeParse({ ...xoTermsJson, classes: classes.map((c, i) => (i === 0 ? { ...c, unitsDecimals: bad } : c)) });
      expect(r.success ? null : [r.error.issues[0]!.path, r.error.issues[0]!.message]).toEqual([['classes', 0, 'unitsDecimals'], message]);
    }
  });
  it('the terms feed the same settlement engine as the settle command', () => {
    const program = rightsProgramFromTerms(xo());
    const scenario = { format: 'offering-desk/scenario@1', program, certificates: [{ number: 'RT-1', class: 'T', units: '10' }], elections: [{ certificate: 'RT-1', receivedAt: '2003-12-08T16:59', signed: true, basicShares: 10, payments: [{ method: 'wire', amount: '50.00', status: 'cleared' }] }] };
    const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
    expect(parsed.ok).toBe(true);
    const r = settleRights((parsed as { scenario: RightsScenario }).scenario);
    expect(r.totals).toMatchObject({ stage2Shares: 10, sharesIssued: 10, applied: '50.00' });
  });
});

describe('versioned terms: an extension or amendment is a new version with a reason', () => {
  it('amending keeps the old version readable and numbers the new one', () => {
    const v1 = originalTerms(xo(), rec('2003-11-01T15:00:00.000Z'));
    const extended = { ...xo(), expiration: { basis: 'entered' as const, at: '2003-12-15T17:00' } };
    const v2 = amendTerms(v1, extended, rec('2003-12-01T15:00:00.000Z', 'Extended one week by the company’s notice of 2003-12-01'));
    expect(v1.versions).toHaveLength(1);
    expect(v2.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, 'Original terms'],
      [2, 'Extended one week by the company’s notice of 2003-12-01'],
    ]);
    expect(termsVersion(v2, 1).terms.expiration).toEqual({ basis: 'derived' });
    expect(currentTerms(v2).terms.expiration).toEqual({ basis: 'entered', at: '2003-12-15T17:00' });
    expect(termsInForceAt(v2, '2003-11-15T00:00:00.000Z')?.version).toBe(1);
    expect(termsInForceAt(v2, '2003-12-02T00:00:00.000Z')?.version).toBe(2);
    expect(termsInForceAt(v2, '2003-10-01T00:00:00.000Z')).toBeUndefined();
    expect(termsHistorySchema.safeParse(JSON.parse(JSON.stringify(v2))).success).toBe(true);
  });
  it('a new version needs a reason, new terms, and a time not before the current one', () => {
    const v1 = originalTerms(xo(), rec('2003-11-01T15:00:00.000Z'));
    const changed = { ...xo(), maxShares: 40_000_000 };
    expect(() => amendTerms(v1, changed, rec('2003-12-01T15:00:00.000Z', '  '))).toThrow(TermsError);
    expect(() => amendTerms(v1, xo(), rec('2003-12-01T15:00:00.000Z', 'No change'))).toThrow(/same as the current/);
    // Written differently is not a change: "5" is the price "5.00", and key order does not matter.
    const reordered = Object.fromEntries(Object.entries({ ...xo(), subscriptionPrice: '5' }).reverse()) as ReturnType<typeof xo>;
    expect(() => amendTerms(v1, reordered, rec('2003-12-01T15:00:00.000Z', 'Same terms'))).toThrow(/same as the current/);
    expect(() => amendTerms(v1, changed, rec('2003-10-01T15:00:00.000Z', 'Backdated'))).toThrow(/before the current/);
    expect(() => termsVersion(v1, 2)).toThrow(/no version 2/);
  });
  it('a stored history with a gap in the numbering is refused', () => {
    const v1 = originalTerms(xo(), rec('2003-11-01T15:00:00.000Z'));
    const broken = { versions: [{ ...v1.versions[0]!, version: 2 }] };
    const r = termsHistorySchema.safeParse(JSON.parse(JSON.stringify(broken)));
    expect(r.success ? '' : r.error.issues[0]!.message).toBe('expected version 1, got 2');
  });
});

describe('odd-lot terms (notice 000_…)', () => {
  const notice = () =>
    oddLotTermsSchema.parse({
      kind: 'odd-lot',
      processingFeePerShare: '0.65',
      roundLot: 100,
      recordDate: '2003-07-07',
      expiresAt: '2004-03-05T17:00',
      excludedJurisdictions: ['CA', 'US-XX'],
      planSharesExcluded: true,
    });
  it('defaults: 24% backup withholding, New York time, five business days to settle', () => {
    const t = notice();
    expect(t).toMatchObject({ backupWithholdingRate: '0.24', timeZone: 'America/New_York', settlementBusinessDays: 5 });
    expect(oddLotProgramFromTerms(t)).toEqual({ kind: 'odd-lot', timeZone: 'America/New_York', expiresAt: '2004-03-05T17:00', processingFeePerShare: '0.65', roundLot: 100, backupWithholdingRate: '0.24' });
  });
  it('eligibility: 1–99 shares, plan shares excluded, not in an excluded jurisdiction', () => {
    const t = notice();
    expect(oddLotEligibility(t, { sharesOnRecordDate: 37, planShares: 0, jurisdiction: 'US' })).toEqual({ eligibleShares: 37, reason: 'ok' });
    expect(oddLotEligibility(t, { sharesOnRecordDate: 120, planShares: 30, jurisdiction: 'US' })).toEqual({ eligibleShares: 90, reason: 'ok' });
    expect(oddLotEligibility(t, { sharesOnRecordDate: 100, planShares: 0, jurisdiction: 'US' }).reason).toBe('NOT_ODD_LOT');
    expect(oddLotEligibility(t, { sharesOnRecordDate: 37, planShares: 0, jurisdiction: 'CA-ON' }).reason).toBe('EXCLUDED_JURISDICTION');
    expect(oddLotEligibility(t, { sharesOnRecordDate: 37, planShares: 0, jurisdiction: 'US-XX' }).reason).toBe('EXCLUDED_JURISDICTION');
  });
  it('proceeds go out about five business days after delivery', () => {
    expect(oddLotSettlementDate(notice(), '2003-12-02')).toBe('2003-12-09');
  });
});
