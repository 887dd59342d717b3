import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from './money';
import { parseScenario, type RightsScenario } from './scenario';
import { settleRights, type CertificateSettlement, type RightsSettlement } from './settle-rights';
import { addHolder, paid, xoRights } from './testing/scenarios';

function settle(s: unknown): RightsSettlement {
  const r = parseScenario(s);
  if (!r.ok) throw new Error(`${r.problem.path}: ${r.problem.message}`);
  return settleRights(r.scenario as RightsScenario);
}

const row = (r: RightsSettlement, number: string): CertificateSettlement => {
  const found = r.certificates.find((c) => c.number === number);
  if (!found) throw new Error(`no row ${number}`);
  return found;
};

describe('the contract example (shared/contracts/SETTLE.md)', () => {
  it('settles to exactly the documented output, keys in the documented order', () => {
    const s = xoRights();
    addHolder(s, 'B', '1234', { basicShares: 123, oversubscriptionShares: 0, payments: [{ method: 'check', amount: '615.00', status: 'cleared' }] }, 'RT-000001');
    const r = settle(s);
    expect(JSON.stringify(r, null, 2)).toBe(
      JSON.stringify(
        {
          format: 'offering-desk/settlement@1',
          certificates: [
            { number: 'RT-000001', status: 'accepted', deficiencies: [], waived: [], firmRights: 123, basicShares: 123, oversubscriptionRequested: 0, oversubscriptionShares: 0, shares: 123, goodFunds: '615.00', pendingFunds: '0.00', applied: '615.00', refund: '0.00' },
          ],
          totals: { maxShares: 43333333, basicShares: 123, oversubscriptionShares: 0, stage2Shares: 0, sharesIssued: 123, unsubscribed: 43333210, goodFunds: '615.00', applied: '615.00', refunds: '0.00' },
        },
        null,
        2,
      ),
    );
  });
});

describe('§1b firm rights per certificate', () => {
  it('§1b class B: 1,234 underlying shares × 0.1 = 123.4 ⇒ 123 firm rights (rounded down, no cash in lieu)', () => {
    const s = xoRights();
    addHolder(s, 'B', '1234', null, 'RT-000002');
    expect(row(settle(s), 'RT-000002')).toMatchObject({ status: 'none', firmRights: 123, shares: 0, goodFunds: '0.00', refund: '0.00' });
  });
  it('§1b class C carries no firm rights ("--1--"): oversubscription only', () => {
    const s = xoRights();
    addHolder(s, 'C', '1', { basicShares: null, oversubscriptionShares: 100, payments: paid(100) }, 'RT-000003');
    expect(row(settle(s), 'RT-000003')).toMatchObject({ status: 'accepted', deficiencies: [], firmRights: 0, basicShares: 0, oversubscriptionShares: 100, shares: 100, applied: '500.00', refund: '0.00' });
  });
});

describe('§4b deemed exercise', () => {
  it('§4b deemed exercise: no number written ⇒ largest whole number the good funds cover; the rest refunded', () => {
    const s = xoRights();
    addHolder(s, 'A', '100', { basicShares: null, payments: [{ method: 'check', amount: '312.50', status: 'cleared' }] }, 'RT-000010');
    expect(row(settle(s), 'RT-000010')).toMatchObject({ status: 'accepted', deficiencies: [], basicShares: 62, shares: 62, goodFunds: '312.50', applied: '310.00', refund: '2.50' });
  });
  it('§4b deemed exercise: payment short of the number written ⇒ what the payment covers', () => {
    const s = xoRights();
    addHolder(s, 'A', '100', { basicShares: 100, payments: [{ method: 'wire', amount: '300.00', status: 'cleared' }] }, 'RT-000011');
    expect(row(settle(s), 'RT-000011')).toMatchObject({ status: 'accepted', basicShares: 60, applied: '300.00', refund: '0.00' });
  });
  it('§4b deemed exercise: never more than the firm rights; the excess payment is refunded without interest', () => {
    const s = xoRights();
    addHolder(s, 'A', '50', { basicShares: 80, payments: paid(80) }, 'RT-000012');
    expect(row(settle(s), 'RT-000012')).toMatchObject({ basicShares: 50, shares: 50, goodFunds: '400.00', applied: '250.00', refund: '150.00' });
  });
  it('§4b deemed exercise: funds left after the basic shares pay for the oversubscription, in whole shares', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { basicShares: 10, oversubscriptionShares: 10, payments: [{ method: 'check', amount: '77.00', status: 'cleared' }] }, 'RT-000013');
    // $77 covers 15 shares: 10 basic + 5 of the 10 oversubscription shares asked.
    expect(row(settle(s), 'RT-000013')).toMatchObject({ basicShares: 10, oversubscriptionRequested: 10, oversubscriptionShares: 5, shares: 15, applied: '75.00', refund: '2.00' });
  });
});

describe('§5a expiration: 5:00 p.m. New York time, later is never honoured', () => {
  it('§5a received at 17:00 exactly is on time; at 17:01 it is LATE and all good funds are refunded', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { receivedAt: '2003-12-08T17:00', basicShares: 10, payments: paid(10) }, 'RT-000020');
    addHolder(s, 'A', '10', { receivedAt: '2003-12-08T17:01', basicShares: 10, payments: paid(10) }, 'RT-000021');
    const r = settle(s);
    expect(row(r, 'RT-000020')).toMatchObject({ status: 'accepted', shares: 10 });
    expect(row(r, 'RT-000021')).toMatchObject({ status: 'rejected', deficiencies: ['LATE'], shares: 0, basicShares: 0, goodFunds: '50.00', applied: '0.00', refund: '50.00' });
  });
  it('§5a LATE can never be waived: a waiver for it is ignored', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { receivedAt: '2003-12-09T09:00', basicShares: 10, payments: paid(10) }, 'RT-000022');
    s.waivers.push({ certificate: 'RT-000022', code: 'LATE' });
    expect(row(settle(s), 'RT-000022')).toMatchObject({ status: 'rejected', deficiencies: ['LATE'], waived: [] });
  });
  it('§5a across daylight saving: March (EDT) 16:59 on time, 17:01 late', () => {
    const s = xoRights({ expiresAt: '2024-03-11T17:00' });
    addHolder(s, 'A', '1', { receivedAt: '2024-03-11T16:59', basicShares: 1, payments: paid(1) }, 'RT-000023');
    addHolder(s, 'A', '1', { receivedAt: '2024-03-11T17:01', basicShares: 1, payments: paid(1) }, 'RT-000024');
    const r = settle(s);
    expect(row(r, 'RT-000023').status).toBe('accepted');
    expect(row(r, 'RT-000024')).toMatchObject({ status: 'rejected', deficiencies: ['LATE'] });
  });
  it('§5a across daylight saving: November (EST) 16:59 on time, 17:01 late', () => {
    const s = xoRights({ expiresAt: '2024-11-04T17:00' });
    addHolder(s, 'A', '1', { receivedAt: '2024-11-04T16:59', basicShares: 1, payments: paid(1) }, 'RT-000025');
    addHolder(s, 'A', '1', { receivedAt: '2024-11-04T17:01', basicShares: 1, payments: paid(1) }, 'RT-000026');
    const r = settle(s);
    expect(row(r, 'RT-000025').status).toBe('accepted');
    expect(row(r, 'RT-000026')).toMatchObject({ status: 'rejected', deficiencies: ['LATE'] });
  });
});

describe('§4a and §11 deficiencies and waivers', () => {
  it('§4a unsigned ⇒ rejected, good funds refunded', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { signed: false, basicShares: 10, payments: paid(10) }, 'RT-000030');
    expect(row(settle(s), 'RT-000030')).toMatchObject({ status: 'rejected', deficiencies: ['UNSIGNED'], waived: [], shares: 0, refund: '50.00' });
  });
  it('§11a a waived deficiency is listed as waived and the election is accepted', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { signed: false, basicShares: 10, payments: paid(10) }, 'RT-000031');
    s.waivers.push({ certificate: 'RT-000031', code: 'UNSIGNED' }, { certificate: 'RT-000031', code: 'UNSIGNED' });
    expect(row(settle(s), 'RT-000031')).toMatchObject({ status: 'accepted', deficiencies: ['UNSIGNED'], waived: ['UNSIGNED'], shares: 10, applied: '50.00' });
  });
  it('§11a a waiver for a deficiency the election does not have changes nothing', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { basicShares: 10, payments: paid(10) }, 'RT-000032');
    s.waivers.push({ certificate: 'RT-000032', code: 'UNSIGNED' });
    expect(row(settle(s), 'RT-000032')).toMatchObject({ status: 'accepted', deficiencies: [], waived: [] });
  });
  it('every deficiency is listed in the contract order, each once', () => {
    const s = xoRights();
    addHolder(s, 'T', '10', { receivedAt: '2003-12-09T09:00', signed: false, basicShares: 5, oversubscriptionShares: 3, payments: [] }, 'RT-000033');
    expect(row(settle(s), 'RT-000033').deficiencies).toEqual(['LATE', 'UNSIGNED', 'NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC', 'NOT_ELIGIBLE_FOR_OVERSUB']);
  });
});

describe('§6a good funds by method and status', () => {
  const cases = [
    ['check', 'received', false],
    ['check', 'cleared', true],
    ['check', 'returned', false],
    ['certified-check', 'received', true],
    ['certified-check', 'cleared', true],
    ['bank-draft', 'received', true],
    ['money-order', 'received', true],
    ['money-order', 'returned', false],
    ['wire', 'received', false],
    ['wire', 'cleared', true],
  ] as const;
  for (const [method, status, good] of cases) {
    it(`§6a a ${method} that is ${status} is ${good ? '' : 'not '}good funds`, () => {
      const s = xoRights();
      addHolder(s, 'A', '10', { basicShares: 10, payments: [{ method, amount: '50.00', status }] }, 'RT-000040');
      const r = row(settle(s), 'RT-000040');
      if (good) expect(r).toMatchObject({ status: 'accepted', deficiencies: [], goodFunds: '50.00', pendingFunds: '0.00', shares: 10 });
      else expect(r).toMatchObject({ status: 'rejected', deficiencies: ['NO_GOOD_FUNDS'], goodFunds: '0.00', pendingFunds: status === 'returned' ? '0.00' : '50.00', shares: 0, refund: '0.00' });
    });
  }
  it('§6a received-but-uncleared funds are reported as pending, neither applied nor refunded', () => {
    const s = xoRights();
    addHolder(s, 'A', '123', { basicShares: 123, payments: [{ method: 'check', amount: '300.00', status: 'cleared' }, { method: 'check', amount: '315.00', status: 'received' }] }, 'RT-000041');
    expect(row(settle(s), 'RT-000041')).toMatchObject({ status: 'accepted', basicShares: 60, goodFunds: '300.00', pendingFunds: '315.00', applied: '300.00', refund: '0.00' });
  });
  it('§6a a waived NO_GOOD_FUNDS still exercises nothing: never more than good funds cover', () => {
    const s = xoRights();
    addHolder(s, 'A', '10', { basicShares: 10, payments: [{ method: 'check', amount: '50.00', status: 'received' }] }, 'RT-000042');
    s.waivers.push({ certificate: 'RT-000042', code: 'NO_GOOD_FUNDS' });
    expect(row(settle(s), 'RT-000042')).toMatchObject({ status: 'accepted', waived: ['NO_GOOD_FUNDS'], shares: 0, applied: '0.00', pendingFunds: '50.00' });
  });
});

describe('oversubscription eligibility', () => {
  it('full basic exercise required: oversubscription without it is void, the basic exercise stands', () => {
    const s = xoRights();
    addHolder(s, 'A', '100', { basicShares: 50, oversubscriptionShares: 20, payments: paid(70) }, 'RT-000050');
    expect(row(settle(s), 'RT-000050')).toMatchObject({ status: 'accepted', deficiencies: ['OVERSUB_WITHOUT_FULL_BASIC'], basicShares: 50, oversubscriptionRequested: 20, oversubscriptionShares: 0, applied: '250.00', refund: '100.00' });
  });
  it('full basic exercise not required: the same election oversubscribes', () => {
    const s = xoRights({ oversubscription: { basis: 'requested', requireFullBasic: false } });
    addHolder(s, 'A', '100', { basicShares: 50, oversubscriptionShares: 20, payments: paid(70) }, 'RT-000051');
    expect(row(settle(s), 'RT-000051')).toMatchObject({ deficiencies: [], basicShares: 50, oversubscriptionShares: 20, shares: 70, refund: '0.00' });
  });
  it('a waived OVERSUB_WITHOUT_FULL_BASIC lets the oversubscription take part', () => {
    const s = xoRights();
    addHolder(s, 'A', '100', { basicShares: 50, oversubscriptionShares: 20, payments: paid(70) }, 'RT-000052');
    s.waivers.push({ certificate: 'RT-000052', code: 'OVERSUB_WITHOUT_FULL_BASIC' });
    expect(row(settle(s), 'RT-000052')).toMatchObject({ status: 'accepted', waived: ['OVERSUB_WITHOUT_FULL_BASIC'], oversubscriptionShares: 20, shares: 70 });
  });
  it('a class without the privilege (T): the oversubscription part is void', () => {
    const s = xoRights();
    addHolder(s, 'T', '100', { basicShares: 100, oversubscriptionShares: 10, payments: paid(110) }, 'RT-000053');
    expect(row(settle(s), 'RT-000053')).toMatchObject({ status: 'accepted', deficiencies: ['NOT_ELIGIBLE_FOR_OVERSUB'], basicShares: 100, oversubscriptionShares: 0, refund: '50.00' });
  });
});

describe('step 3–5 allocation', () => {
  it('step 4 requested basis: floor of pool × request / total, the leftover share to the largest remainder', () => {
    // maxShares 1,000; basic 600 ⇒ pool 400 for requests 700, 300, 200 (total 1,200):
    // exact 233.33, 100, 66.67 ⇒ 233, 100, 66 and one leftover to the 0.67 remainder.
    const s = xoRights({ maxShares: 1000 });
    addHolder(s, 'A', '400', { basicShares: 400, oversubscriptionShares: 700, payments: paid(1100) }, 'RT-000061');
    addHolder(s, 'A', '200', { basicShares: 200, oversubscriptionShares: 300, payments: paid(500) }, 'RT-000062');
    addHolder(s, 'C', '1', { basicShares: null, oversubscriptionShares: 200, payments: paid(200) }, 'RT-000063');
    const r = settle(s);
    expect([row(r, 'RT-000061'), row(r, 'RT-000062'), row(r, 'RT-000063')].map((c) => c.oversubscriptionShares)).toEqual([233, 100, 67]);
    expect(row(r, 'RT-000061')).toMatchObject({ shares: 633, applied: '3165.00', refund: '2335.00' });
    expect(r.totals).toMatchObject({ basicShares: 600, oversubscriptionShares: 400, sharesIssued: 1000, unsubscribed: 0, goodFunds: '9000.00', applied: '5000.00', refunds: '4000.00' });
  });

  it('step 4 leftover ties: earlier receipt first, then the lower certificate number', () => {
    // pool 200 for three requests of 100: 66.67 each ⇒ 66 each and 2 leftover shares, equal remainders.
    const s = xoRights({ maxShares: 200 });
    addHolder(s, 'C', '1', { receivedAt: '2003-12-02T10:00', oversubscriptionShares: 100, payments: paid(100) }, 'RT-000071');
    addHolder(s, 'C', '1', { receivedAt: '2003-12-02T10:00', oversubscriptionShares: 100, payments: paid(100) }, 'RT-000072');
    addHolder(s, 'C', '1', { receivedAt: '2003-12-02T09:00', oversubscriptionShares: 100, payments: paid(100) }, 'RT-000073');
    const r = settle(s);
    expect(['RT-000071', 'RT-000072', 'RT-000073'].map((n) => row(r, n).oversubscriptionShares)).toEqual([67, 66, 67]);
  });

  it('step 4 basic basis: capped requesters’ surplus is re-prorated among the rest', () => {
    // pool 100; weights (basic shares) 500, 300, 200; requests 10, 200, 200 ⇒ 10 capped; 90 ⇒ 54, 36.
    const s = xoRights({ maxShares: 1100, oversubscription: { basis: 'basic', requireFullBasic: true } });
    addHolder(s, 'A', '500', { basicShares: 500, oversubscriptionShares: 10, payments: paid(510) }, 'RT-000081');
    addHolder(s, 'A', '300', { basicShares: 300, oversubscriptionShares: 200, payments: paid(500) }, 'RT-000082');
    addHolder(s, 'A', '200', { basicShares: 200, oversubscriptionShares: 200, payments: paid(400) }, 'RT-000083');
    const r = settle(s);
    expect(['RT-000081', 'RT-000082', 'RT-000083'].map((n) => row(r, n).oversubscriptionShares)).toEqual([10, 54, 36]);
  });

  it('step 4 basic basis: a holder with no basic shares (class C) has no weight and gets none', () => {
    const s = xoRights({ maxShares: 1010, oversubscription: { basis: 'basic', requireFullBasic: true } });
    addHolder(s, 'A', '1000', { basicShares: 1000, oversubscriptionShares: 50, payments: paid(1050) }, 'RT-000084');
    addHolder(s, 'C', '1', { oversubscriptionShares: 50, payments: paid(50) }, 'RT-000085');
    const r = settle(s);
    expect(row(r, 'RT-000084').oversubscriptionShares).toBe(10);
    expect(row(r, 'RT-000085')).toMatchObject({ status: 'accepted', oversubscriptionShares: 0, refund: '250.00' });
  });

  it('step 3 stage-1 basic shares beyond maxShares are prorated on basic shares', () => {
    // basic 70 and 50 for 100 shares: 58.33 and 41.67 ⇒ 58 and 42.
    const s = xoRights({ maxShares: 100 });
    addHolder(s, 'A', '70', { basicShares: 70, payments: paid(70) }, 'RT-000091');
    addHolder(s, 'A', '50', { basicShares: 50, oversubscriptionShares: 5, payments: paid(55) }, 'RT-000092');
    const r = settle(s);
    expect(row(r, 'RT-000091')).toMatchObject({ basicShares: 58, shares: 58, applied: '290.00', refund: '60.00' });
    expect(row(r, 'RT-000092')).toMatchObject({ basicShares: 42, oversubscriptionShares: 0, refund: '65.00' });
    expect(r.totals).toMatchObject({ basicShares: 100, oversubscriptionShares: 0, sharesIssued: 100, unsubscribed: 0 });
  });

  it('step 5 stage 2: transferable rights buy what stage 1 left, prorated by firm rights, capped at what they asked', () => {
    // 1,000 offered, 700 taken in stage 1 ⇒ 300 left. T1 (firm 400) asks 400; T2 (firm 200) asks 100.
    // Weights 400:200 ⇒ 200 and 100; T2 reaches its 100 (capped); T1 gets the other 200.
    const s = xoRights({ maxShares: 1000 });
    addHolder(s, 'A', '700', { basicShares: 700, payments: paid(700) }, 'RT-000101');
    addHolder(s, 'T', '400', { basicShares: 400, payments: paid(400) }, 'RT-000102');
    addHolder(s, 'T', '200', { basicShares: 100, payments: paid(100) }, 'RT-000103');
    const r = settle(s);
    expect(row(r, 'RT-000102')).toMatchObject({ basicShares: 200, shares: 200, applied: '1000.00', refund: '1000.00' });
    expect(row(r, 'RT-000103')).toMatchObject({ basicShares: 100, shares: 100, refund: '0.00' });
    expect(r.totals).toMatchObject({ basicShares: 700, oversubscriptionShares: 0, stage2Shares: 300, sharesIssued: 1000, unsubscribed: 0 });
  });

  it('step 5 stage 2 is filled in full when stage 1 leaves enough', () => {
    const s = xoRights();
    addHolder(s, 'T', '400', { basicShares: 400, payments: paid(400) }, 'RT-000104');
    expect(settle(s).totals).toMatchObject({ stage2Shares: 400, sharesIssued: 400 });
  });

  it('public 2015 example through the whole settlement: 1,214,644 shares for 6,035,518 requested ⇒ ≈ 20.125% each', () => {
    const s = xoRights({ maxShares: 2_224_020 });
    const holders = 400;
    let basicLeft = 1_009_376;
    let overLeft = 6_035_518;
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let h = 0; h < holders; h++) {
      const last = h === holders - 1;
      const basic = last ? basicLeft : 1000 + (next() % 3000);
      const over = last ? overLeft : 5000 + (next() % 20000);
      basicLeft -= basic;
      overLeft -= over;
      addHolder(s, 'A', String(basic), { basicShares: basic, oversubscriptionShares: over, payments: paid(basic + over) }, `RT-${String(h + 1).padStart(6, '0')}`);
    }
    expect(basicLeft).toBe(0);
    expect(overLeft).toBe(0);
    const r = settle(s);
    expect(r.totals).toMatchObject({ basicShares: 1_009_376, oversubscriptionShares: 1_214_644, sharesIssued: 2_224_020, unsubscribed: 0 });
    for (const c of r.certificates) {
      const exact = (c.oversubscriptionRequested * 1_214_644) / 6_035_518;
      expect(c.oversubscriptionShares - Math.floor(exact)).toBeGreaterThanOrEqual(0);
      expect(c.oversubscriptionShares - Math.floor(exact)).toBeLessThanOrEqual(1);
      expect(Math.abs(c.oversubscriptionShares / c.oversubscriptionRequested - 0.20125)).toBeLessThan(0.001);
    }
  });
});

describe('§6b, §8, §9', () => {
  it('§6b refunds are exactly good funds less the amount applied: no interest, no deduction', () => {
    const s = xoRights({ maxShares: 10 });
    addHolder(s, 'C', '1', { oversubscriptionShares: 30, payments: [{ method: 'check', amount: '150.01', status: 'cleared' }] }, 'RT-000201');
    expect(row(settle(s), 'RT-000201')).toMatchObject({ shares: 10, goodFunds: '150.01', applied: '50.00', refund: '100.01' });
  });
  it('§8 shares are allotted to the exercising certificate only after all prorations', () => {
    const s = xoRights({ maxShares: 15 });
    addHolder(s, 'A', '10', { basicShares: 10, oversubscriptionShares: 10, payments: paid(20) }, 'RT-000202');
    addHolder(s, 'C', '1', { oversubscriptionShares: 10, payments: paid(10) }, 'RT-000203');
    const r = settle(s);
    expect(r.certificates.map((c) => [c.number, c.basicShares, c.oversubscriptionShares, c.shares])).toEqual([
      ['RT-000202', 10, 3, 13],
      ['RT-000203', 0, 2, 2],
    ]);
  });
  it('§9 a certificate held for a foreign holder is exercised on the holder’s instruction and payment before expiration', () => {
    const s = xoRights();
    addHolder(s, 'A', '300', { basicShares: 300, payments: paid(300, 'wire') }, 'RT-000204');
    addHolder(s, 'A', '300', null, 'RT-000205');
    s.certificates.forEach((c) => ((c as { country?: string }).country = 'CA'));
    const r = settle(s);
    expect(row(r, 'RT-000204')).toMatchObject({ status: 'accepted', shares: 300 });
    expect(row(r, 'RT-000205')).toMatchObject({ status: 'none', shares: 0 }); // no instruction: the rights lapse
  });
});

describe('rows', () => {
  it('one row per certificate, by number as a clerk reads it (RT-9 before RT-10); none without an election', () => {
    const s = xoRights();
    addHolder(s, 'A', '5', null, 'RT-10');
    addHolder(s, 'A', '5', { basicShares: 5, payments: paid(5) }, 'RT-9');
    addHolder(s, 'A', '5', null, 'RT-100');
    const r = settle(s);
    expect(r.certificates.map((c) => [c.number, c.status])).toEqual([
      ['RT-9', 'accepted'],
      ['RT-10', 'none'],
      ['RT-100', 'none'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random programs.

const classCode = fc.constantFrom('A', 'B', 'C', 'T');
const method = fc.constantFrom('check', 'certified-check', 'bank-draft', 'money-order', 'wire');
const status = fc.constantFrom('received', 'cleared', 'returned');
const cents = fc.integer({ min: 0, max: 2_000_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const minuteOf = fc.oneof({ arbitrary: fc.integer({ min: -3 * 24 * 60, max: 0 }), weight: 9 }, { arbitrary: fc.integer({ min: 1, max: 120 }), weight: 1 });

const programArb = fc.record({
  maxShares: fc.integer({ min: 0, max: 20_000 }),
  /** Percent of all shares asked for: the usual case is an oversubscribed offering. */
  percentOfAsked: fc.option(fc.integer({ min: 0, max: 130 }), { nil: null, freq: 3 }),
  basis: fc.constantFrom('requested', 'basic'),
  requireFullBasic: fc.boolean(),
  price: fc.constantFrom('5.00', '1.25', '0.37', '12.5', '0.0125', '3.333'),
});

const holderArb = fc.record({
  cls: classCode,
  units: fc.integer({ min: 0, max: 3000 }),
  election: fc.option(
    fc.record({
      minute: minuteOf,
      signed: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
      basic: fc.oneof(
        { arbitrary: fc.constant('full' as const), weight: 5 },
        { arbitrary: fc.constant(null), weight: 2 },
        { arbitrary: fc.integer({ min: 0, max: 4000 }), weight: 2 },
      ),
      over: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 3 }),
      payments: fc.array(fc.record({ method, amount: cents, status }), { maxLength: 3 }),
      /** Most holders pay for what they ask with a cleared check (sometimes a little short or over). */
      pays: fc.oneof({ arbitrary: fc.integer({ min: -300, max: 300 }), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }),
      waive: fc.subarray(['UNSIGNED', 'LATE', 'NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC', 'NOT_ELIGIBLE_FOR_OVERSUB']),
    }),
    { nil: null, freq: 4 },
  ),
});

type HolderSpec = typeof holderArb extends fc.Arbitrary<infer T> ? T : never;

function wallAt(minutesFromExpiry: number): string {
  const t = Date.UTC(2003, 11, 8, 17, 0) + minutesFromExpiry * 60_000;
  return new Date(t).toISOString().slice(0, 16);
}

function buildRandom(p: { maxShares: number; percentOfAsked: number | null; basis: string; requireFullBasic: boolean; price: string }, holders: readonly HolderSpec[]): RightsScenario {
  const s = xoRights({ maxShares: p.maxShares, subscriptionPrice: p.price, oversubscription: { basis: p.basis as 'requested', requireFullBasic: p.requireFullBasic } });
  const firmOf = (h: (typeof holders)[number], k: number) => (h.cls === 'B' ? Math.floor((h.units * 10 + (k % 10)) / 100) : h.cls === 'C' ? 0 : h.units);
  const basicOf = (h: (typeof holders)[number], k: number) => (h.election?.basic === 'full' ? firmOf(h, k) : (h.election?.basic ?? null));
  holders.forEach((h, k) => {
    const number = `RT-${String(k + 1).padStart(4, '0')}`;
    const units = h.cls === 'B' ? `${h.units}.${k % 10}` : h.cls === 'C' ? '1' : String(h.units);
    const e = h.election;
    const basic = basicOf(h, k);
    let payments = e === null ? [] : e.payments.map((x) => ({ ...x }));
    if (e !== null && e.pays !== null) {
      const asked = (basic ?? firmOf(h, k)) + e.over;
      const due = new Dec(p.price).times(asked).toDecimalPlaces(2, Dec.ROUND_UP).plus(new Dec(e.pays).dividedBy(100));
      payments = [{ method: 'check', amount: Dec.max(due, 0).toFixed(2), status: 'cleared' }, ...payments.slice(0, 1)];
    }
    addHolder(s, h.cls, units, e === null ? null : { receivedAt: wallAt(e.minute), signed: e.signed, basicShares: basic, oversubscriptionShares: e.over, payments }, number);
    if (e) for (const code of e.waive) s.waivers.push({ certificate: number, code });
  });
  if (p.percentOfAsked !== null) {
    const asked = holders.reduce((sum, h, k) => sum + (h.election ? (basicOf(h, k) ?? firmOf(h, k)) + h.election.over : 0), 0);
    s.program.maxShares = Math.floor((asked * p.percentOfAsked) / 100);
  }
  return s as RightsScenario;
}

const scenarioArb = fc.tuple(programArb, fc.array(holderArb, { maxLength: 12 })).map(([p, hs]) => buildRandom(p, hs));

function shuffled<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)]! * 1000 + i })).sort((a, b) => a.k - b.k).map((p) => p.x);
}

describe('settlement invariants over random programs (fast-check)', () => {
  it('property: shares issued ≤ maximum; whole shares; nobody gets more than asked for or paid for; good funds = applied + refunds (3,000 runs)', () => {
    const seen = { prorated: 0, rejected: 0, stage2: 0 };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = settleRights(s);
        const price = new Dec(s.program.subscriptionPrice);
        const t = r.totals;
        expect(t.sharesIssued).toBeLessThanOrEqual(t.maxShares);
        expect(t.unsubscribed).toBe(t.maxShares - t.sharesIssued);
        expect(t.sharesIssued).toBe(t.basicShares + t.oversubscriptionShares + t.stage2Shares);
        expect(new Dec(t.goodFunds).equals(new Dec(t.applied).plus(t.refunds))).toBe(true);
        expect(r.certificates).toHaveLength(s.certificates.length);
        let good = new Dec(0);
        let shares = 0;
        for (const c of r.certificates) {
          const e = s.elections.find((x) => x.certificate === c.number);
          for (const n of [c.firmRights, c.basicShares, c.oversubscriptionShares, c.shares]) {
            expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
          }
          expect(c.shares).toBe(c.basicShares + c.oversubscriptionShares);
          expect(c.basicShares).toBeLessThanOrEqual(c.firmRights);
          if (e?.basicShares !== null && e?.basicShares !== undefined) expect(c.basicShares).toBeLessThanOrEqual(e.basicShares);
          expect(c.oversubscriptionShares).toBeLessThanOrEqual(c.oversubscriptionRequested);
          if (c.status !== 'accepted') expect(c.shares).toBe(0);
          // Money: exact, from the payments themselves.
          const goodFunds = (e?.payments ?? [])
            .filter((p) => p.status !== 'returned' && (p.status === 'cleared' || (p.method !== 'check' && p.method !== 'wire')))
            .reduce((sum, p) => sum.plus(p.amount), new Dec(0));
          expect(c.goodFunds).toBe(goodFunds.toFixed(2));
          expect(price.times(c.shares).lessThanOrEqualTo(goodFunds)).toBe(true);
          expect(c.applied).toBe(price.times(c.shares).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
          expect(new Dec(c.goodFunds).equals(new Dec(c.applied).plus(c.refund))).toBe(true);
          expect(new Dec(c.refund).isNegative()).toBe(false);
          good = good.plus(c.goodFunds);
          shares += c.shares;
        }
        expect(good.toFixed(2)).toBe(t.goodFunds);
        expect(shares).toBe(t.sharesIssued);
        if (t.unsubscribed === 0 && t.oversubscriptionShares > 0) seen.prorated += 1;
        if (r.certificates.some((c) => c.status === 'rejected')) seen.rejected += 1;
        if (t.stage2Shares > 0) seen.stage2 += 1;
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: oversubscribed offerings, rejections and stage 2 all occur among the programs.
    expect(seen.prorated).toBeGreaterThan(300);
    expect(seen.rejected).toBeGreaterThan(300);
    expect(seen.stage2).toBeGreaterThan(300);
  });

  it('property: the result does not depend on the order of the input, and is deterministic (2,000 runs)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (s, keys) => {
        const first = JSON.stringify(settleRights(s));
        expect(JSON.stringify(settleRights(s))).toBe(first);
        const reordered: RightsScenario = {
          ...s,
          certificates: shuffled(s.certificates, keys),
          elections: shuffled(s.elections, [...keys].reverse()),
          waivers: shuffled(s.waivers, keys),
        };
        expect(JSON.stringify(settleRights(reordered))).toBe(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: when oversubscription requests exceed the pool on the requested basis, the whole pool is used (2,000 runs)', () => {
    let starvedCases = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        fc.pre(s.program.oversubscription.basis === 'requested');
        const r = settleRights(s);
        const stage1Basic = r.totals.basicShares;
        const pool = Math.max(0, s.program.maxShares - stage1Basic);
        // Every accepted stage-1 oversubscriber that got less than its paid-for request means the pool ran out.
        const price = new Dec(s.program.subscriptionPrice);
        const starved = r.certificates.some((c) => {
          const e = s.elections.find((x) => x.certificate === c.number);
          const cls = s.certificates.find((x) => x.number === c.number)!.class;
          if (!e || c.status !== 'accepted' || cls === 'T' || c.oversubscriptionShares === 0) return false;
          const paidFor = new Dec(c.goodFunds).dividedBy(price).floor().toNumber() - c.basicShares;
          return c.oversubscriptionShares < Math.min(c.oversubscriptionRequested, paidFor);
        });
        if (starved) {
          starvedCases += 1;
          expect(r.totals.oversubscriptionShares).toBe(pool);
        }
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: the generator does produce prorated offerings.
    expect(starvedCases).toBeGreaterThan(50);
  });
});
