import { describe, expect, it } from 'vitest';
import { DEFICIENCIES, DEFICIENCY_BIT, DEFICIENCY_CODES, ODD_LOT_CODES, REJECT_MASK, SETTLE_DEFICIENCY_CODES, VOID_OVERSUBSCRIPTION_MASK, WAIVABLE_MASK, codesOf, deficiency, inCatalogOrder, isDeficiencyCode, isWaivable, maskOf } from './deficiencies';

describe('the deficiency catalog (DOMAIN.md practice list and §11)', () => {
  it('covers the whole catalog of the issue: every code once', () => {
    expect([...DEFICIENCY_CODES].sort()).toEqual(
      [
        'LATE', 'UNSIGNED', 'SIGNATURE_MISMATCH', 'JOINT_HOLDER_MISSING', 'FIDUCIARY_NO_EVIDENCE', 'MEDALLION_GUARANTEE_MISSING',
        'WRONG_FORM', 'CERTIFICATE_STOPPED', 'FOREIGN_NO_INSTRUCTION', 'MISSING_TIN', 'NO_GOOD_FUNDS', 'RETURNED_CHECK',
        'PAYMENT_SHORT', 'EXCEEDS_RIGHTS', 'OVERSUB_WITHOUT_FULL_BASIC', 'NOT_ELIGIBLE_FOR_OVERSUB',
        'NOMINEE_CERTIFICATION_MISSING', 'GUARANTEED_DELIVERY_NOT_COVERED',
      ].sort(),
    );
  });
  it('§5a LATE is never waivable', () => {
    expect(isWaivable('LATE')).toBe(false);
    expect(deficiency('LATE')).toMatchObject({ section: '§5a', effect: 'reject' });
  });
  it('every code names its section, describes itself in words and says whether it can be waived', () => {
    for (const d of DEFICIENCIES) {
      expect(d.section, d.code).toMatch(/§|Prospectus|Recitals/);
      expect(d.description.length, d.code).toBeGreaterThan(30);
      expect(d.title.length, d.code).toBeGreaterThan(3);
      expect(typeof d.waivable).toBe('boolean');
    }
  });
  it('the contract codes (waivable except LATE) appear in the contract’s order in the catalog', () => {
    expect(SETTLE_DEFICIENCY_CODES).toEqual(['LATE', 'UNSIGNED', 'NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC', 'NOT_ELIGIBLE_FOR_OVERSUB']);
    expect(SETTLE_DEFICIENCY_CODES.filter(isWaivable)).toEqual(['UNSIGNED', 'NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC', 'NOT_ELIGIBLE_FOR_OVERSUB']);
    expect(inCatalogOrder([...SETTLE_DEFICIENCY_CODES].reverse())).toEqual([...SETTLE_DEFICIENCY_CODES]);
  });
  it('nominee certification (void oversubscription, waivable) and guaranteed delivery not covered (rejects, never waivable) keep the earlier codes’ bits', () => {
    expect(deficiency('NOMINEE_CERTIFICATION_MISSING')).toMatchObject({ section: '§4, Nominee Holder Certification', waivable: true, effect: 'void-oversubscription' });
    expect(deficiency('GUARANTEED_DELIVERY_NOT_COVERED')).toMatchObject({ waivable: false, effect: 'reject' });
    expect(DEFICIENCY_CODES.slice(-2)).toEqual(['NOMINEE_CERTIFICATION_MISSING', 'GUARANTEED_DELIVERY_NOT_COVERED']);
    expect(DEFICIENCY_BIT.NOT_ELIGIBLE_FOR_OVERSUB).toBe(1 << 15);
  });
  it('codes are recognised exactly', () => {
    expect(isDeficiencyCode('UNSIGNED')).toBe(true);
    expect(isDeficiencyCode('unsigned')).toBe(false);
    expect(isDeficiencyCode(1)).toBe(false);
  });
  it('odd-lot rejection codes are those of the contract', () => {
    expect(ODD_LOT_CODES).toEqual(['NOT_ODD_LOT', 'LATE', 'DUPLICATE_ORDER', 'NO_PRICE', 'PRICE_BELOW_FEE']);
  });
  it('code sets as masks: round trip in catalog order; LATE never in the waivable mask', () => {
    expect(codesOf(maskOf(['NOT_ELIGIBLE_FOR_OVERSUB', 'LATE', 'nonsense']))).toEqual(['LATE', 'NOT_ELIGIBLE_FOR_OVERSUB']);
    expect(WAIVABLE_MASK & DEFICIENCY_BIT.LATE).toBe(0);
    expect(REJECT_MASK & DEFICIENCY_BIT.UNSIGNED).not.toBe(0);
    expect(VOID_OVERSUBSCRIPTION_MASK).toBe(DEFICIENCY_BIT.OVERSUB_WITHOUT_FULL_BASIC | DEFICIENCY_BIT.NOT_ELIGIBLE_FOR_OVERSUB | DEFICIENCY_BIT.NOMINEE_CERTIFICATION_MISSING);
    expect(codesOf(0)).toEqual([]);
    expect(codesOf((1 << DEFICIENCY_CODES.length) - 1)).toEqual([...DEFICIENCY_CODES]);
  });
});
