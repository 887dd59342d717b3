import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFICIENCY_CODES, type DeficiencyCode } from './deficiencies';
import { decideElection, deemedExercise, evaluateElection, type ElectionContext, type ElectionFacts } from './election';
import { sharePrice } from './price';

const price = sharePrice('5.00');
const EXPIRES = Date.UTC(2003, 11, 8, 22, 0);
const facts = (over: Partial<ElectionFacts> = {}): ElectionFacts => ({
  receivedAt: EXPIRES - 60_000,
  expiresAt: EXPIRES,
  signed: true,
  basicShares: 100,
  oversubscriptionShares: 0,
  goodFunds: 50_000,
  ...over,
});
const ctx = (over: Partial<ElectionContext> = {}): ElectionContext => ({ price, firmRights: 100, classAllowsOversubscription: true, requireFullBasic: true, ...over });
const codes = (f: Partial<ElectionFacts>, c: Partial<ElectionContext> = {}) => evaluateElection(facts(f), ctx(c)).deficiencies;

describe('§4b deemed exercise', () => {
  it('§4b no number written ⇒ the largest whole number of shares the payment covers, capped by the rights', () => {
    expect(deemedExercise(100, null, 0, 31_250, price)).toMatchObject({ basicShares: 62, paymentShort: false });
    expect(deemedExercise(50, null, 0, 50_000, price)).toMatchObject({ basicShares: 50 });
  });
  it('§4b short payment ⇒ what the payment covers, flagged PAYMENT_SHORT', () => {
    expect(deemedExercise(100, 100, 0, 30_000, price)).toMatchObject({ basicShares: 60, paymentShort: true });
    expect(codes({ basicShares: 100, goodFunds: 30_000 })).toEqual(['PAYMENT_SHORT']);
  });
  it('§4b the oversubscription is paid from what is left after the basic shares', () => {
    expect(deemedExercise(10, 10, 10, 7_700, price)).toMatchObject({ basicShares: 10, oversubscriptionPaid: 5, paymentShort: true });
    expect(deemedExercise(10, 10, 10, 10_000, price)).toMatchObject({ basicShares: 10, oversubscriptionPaid: 10, paymentShort: false });
  });
  it('§4b with a price in fractions of a cent: $1.00 at $0.0125 covers 80 shares', () => {
    expect(deemedExercise(1000, null, 0, 100, sharePrice('0.0125')).basicShares).toBe(80);
  });
  it('§1b exercise beyond the remaining rights is cut back (EXCEEDS_RIGHTS, not waivable)', () => {
    const e = evaluateElection(facts({ basicShares: 100, goodFunds: 50_000 }), ctx({ firmRights: 100, rightsRemaining: 40 }));
    expect(e).toMatchObject({ basicShares: 40, exceedsRights: true });
    expect(e.deficiencies).toEqual(['EXCEEDS_RIGHTS']);
  });
});

describe('deficiency catalog checks on one election', () => {
  it('§5a received after the expiration instant ⇒ LATE; exactly at it ⇒ on time', () => {
    expect(codes({ receivedAt: EXPIRES + 60_000 })).toEqual(['LATE']);
    expect(codes({ receivedAt: EXPIRES })).toEqual([]);
  });
  it('§4a not signed ⇒ UNSIGNED', () => expect(codes({ signed: false })).toEqual(['UNSIGNED']));
  it('§4a signature not matching the registration ⇒ SIGNATURE_MISMATCH', () => expect(codes({ signatureMatchesRegistration: false })).toEqual(['SIGNATURE_MISMATCH']));
  it('§4a a joint holder did not sign ⇒ JOINT_HOLDER_MISSING', () => expect(codes({ allJointHoldersSigned: false })).toEqual(['JOINT_HOLDER_MISSING']));
  it('§4a fiduciary without evidence of authority ⇒ FIDUCIARY_NO_EVIDENCE; with it, none', () => {
    expect(codes({ signedAsFiduciary: true })).toEqual(['FIDUCIARY_NO_EVIDENCE']);
    expect(codes({ signedAsFiduciary: true, fiduciaryEvidence: true })).toEqual([]);
  });
  it('§8 shares to another name or address without a medallion guarantee ⇒ MEDALLION_GUARANTEE_MISSING', () => {
    expect(codes({ deliverToOtherNameOrAddress: true })).toEqual(['MEDALLION_GUARANTEE_MISSING']);
    expect(codes({ deliverToOtherNameOrAddress: true, medallionGuarantee: true })).toEqual([]);
  });
  it('§4a a photocopied or wrong form ⇒ WRONG_FORM', () => expect(codes({ wrongForm: true })).toEqual(['WRONG_FORM']));
  it('§2c a stopped (lost) certificate ⇒ CERTIFICATE_STOPPED', () => expect(codes({ certificateStopped: true })).toEqual(['CERTIFICATE_STOPPED']));
  it('§9 a foreign holder without an instruction ⇒ FOREIGN_NO_INSTRUCTION; with one, none', () => {
    expect(codes({ foreignHolder: true })).toEqual(['FOREIGN_NO_INSTRUCTION']);
    expect(codes({ foreignHolder: true, foreignInstruction: true })).toEqual([]);
  });
  it('§21 missing TIN / W-9 ⇒ MISSING_TIN', () => expect(codes({ taxFormOnFile: false })).toEqual(['MISSING_TIN']));
  it('§4a/§6a no good funds ⇒ NO_GOOD_FUNDS', () => expect(codes({ goodFunds: 0 })).toEqual(['NO_GOOD_FUNDS']));
  it('§6a a returned check ⇒ RETURNED_CHECK (and NO_GOOD_FUNDS when nothing else paid)', () => {
    expect(codes({ goodFunds: 0, anyReturned: true })).toEqual(['NO_GOOD_FUNDS', 'RETURNED_CHECK']);
    expect(codes({ anyReturned: true })).toEqual(['RETURNED_CHECK']);
  });
  it('oversubscription without the full basic exercise ⇒ OVERSUB_WITHOUT_FULL_BASIC (only when the terms require it)', () => {
    expect(codes({ basicShares: 50, oversubscriptionShares: 10, goodFunds: 30_000 })).toEqual(['OVERSUB_WITHOUT_FULL_BASIC']);
    expect(codes({ basicShares: 50, oversubscriptionShares: 10, goodFunds: 30_000 }, { requireFullBasic: false })).toEqual([]);
  });
  it('a class without the privilege ⇒ NOT_ELIGIBLE_FOR_OVERSUB', () => {
    expect(codes({ oversubscriptionShares: 10, goodFunds: 55_000 }, { classAllowsOversubscription: false })).toEqual(['NOT_ELIGIBLE_FOR_OVERSUB']);
  });
  it('a nominee asking oversubscription without its certification ⇒ NOMINEE_CERTIFICATION_MISSING; certified, or no oversubscription, none', () => {
    expect(codes({ oversubscriptionShares: 10, goodFunds: 55_000, nomineeCertified: false })).toEqual(['NOMINEE_CERTIFICATION_MISSING']);
    expect(codes({ oversubscriptionShares: 10, goodFunds: 55_000, nomineeCertified: true })).toEqual([]);
    expect(codes({ oversubscriptionShares: 0, nomineeCertified: false })).toEqual([]);
    expect(decideElection(['NOMINEE_CERTIFICATION_MISSING'], new Set())).toEqual({ status: 'accepted', waived: [], oversubscriptionVoid: true });
  });
  it('§5b a guaranteed delivery whose cover period passed ⇒ GUARANTEED_DELIVERY_NOT_COVERED, which rejects and cannot be waived', () => {
    expect(codes({ guaranteedDeliveryNotCovered: true })).toEqual(['GUARANTEED_DELIVERY_NOT_COVERED']);
    expect(codes({ guaranteedDeliveryNotCovered: false })).toEqual([]);
    expect(decideElection(['GUARANTEED_DELIVERY_NOT_COVERED'], new Set(['GUARANTEED_DELIVERY_NOT_COVERED']))).toMatchObject({ status: 'rejected', waived: [] });
  });
  it('property: codes come out in catalog order, each at most once (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.record({
          late: fc.boolean(), signed: fc.boolean(), mismatch: fc.boolean(), joint: fc.boolean(), fid: fc.boolean(), medallion: fc.boolean(), wrong: fc.boolean(), stopped: fc.boolean(),
          foreign: fc.boolean(), tin: fc.boolean(), funds: fc.integer({ min: 0, max: 100_000 }), returned: fc.boolean(), basic: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
          over: fc.integer({ min: 0, max: 50 }), firm: fc.integer({ min: 0, max: 200 }), eligible: fc.boolean(), full: fc.boolean(),
        }),
        (r) => {
          const found = evaluateElection(
            facts({ receivedAt: r.late ? EXPIRES + 1 : EXPIRES, signed: r.signed, signatureMatchesRegistration: !r.mismatch, allJointHoldersSigned: !r.joint, signedAsFiduciary: r.fid, deliverToOtherNameOrAddress: r.medallion, wrongForm: r.wrong, certificateStopped: r.stopped, foreignHolder: r.foreign, taxFormOnFile: r.tin, goodFunds: r.funds, anyReturned: r.returned, basicShares: r.basic, oversubscriptionShares: r.over }),
            ctx({ firmRights: r.firm, classAllowsOversubscription: r.eligible, requireFullBasic: r.full }),
          ).deficiencies;
          const order = found.map((c) => DEFICIENCY_CODES.indexOf(c));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(new Set(found).size).toBe(found.length);
          expect(found.includes('LATE')).toBe(r.late);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('§11a decisions: waive, or reject', () => {
  const waive = (...c: string[]) => new Set(c);
  it('§11a an unwaived rejecting deficiency rejects; waived, it accepts', () => {
    expect(decideElection(['UNSIGNED'], waive())).toMatchObject({ status: 'rejected', waived: [] });
    expect(decideElection(['UNSIGNED'], waive('UNSIGNED'))).toMatchObject({ status: 'accepted', waived: ['UNSIGNED'] });
  });
  it('§11a LATE, a stopped certificate and a foreign holder without instruction can never be waived', () => {
    for (const code of ['LATE', 'CERTIFICATE_STOPPED', 'FOREIGN_NO_INSTRUCTION'] as DeficiencyCode[]) {
      expect(decideElection([code], waive(code))).toMatchObject({ status: 'rejected', waived: [] });
    }
  });
  it('§11a oversubscription defects void only the oversubscription part', () => {
    expect(decideElection(['OVERSUB_WITHOUT_FULL_BASIC'], waive())).toEqual({ status: 'accepted', waived: [], oversubscriptionVoid: true });
    expect(decideElection(['NOT_ELIGIBLE_FOR_OVERSUB'], waive('NOT_ELIGIBLE_FOR_OVERSUB'))).toEqual({ status: 'accepted', waived: ['NOT_ELIGIBLE_FOR_OVERSUB'], oversubscriptionVoid: false });
  });
  it('§4b a short payment and a returned check do not reject by themselves', () => {
    expect(decideElection(['RETURNED_CHECK', 'PAYMENT_SHORT', 'EXCEEDS_RIGHTS'], waive())).toMatchObject({ status: 'accepted' });
  });
});
