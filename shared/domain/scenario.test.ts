/* eslint-disable @typescript-eslint/no-explicit-any -- these tests mutate raw, untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from './scenario';
import { addHolder, oddLot, paid, xoRights } from './testing/scenarios';

function base() {
  const s = xoRights();
  addHolder(s, 'B', '1234', { basicShares: 123, payments: [{ method: 'check', amount: '615.00', status: 'cleared' }] }, 'RT-000001');
  s.waivers.push({ certificate: 'RT-000001', code: 'UNSIGNED' });
  return JSON.parse(JSON.stringify(s)) as Record<string, any>;
}

function problem(mutate: (s: any) => void, start: any = base()): string {
  mutate(start);
  const r = parseScenario(start);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return formatProblem(r.problem);
}

describe('scenario@1: what is refused, naming the field', () => {
  it('a valid scenario parses, with defaults for left-out lists and counts', () => {
    const s = base();
    delete s.waivers;
    delete s.elections[0].oversubscriptionShares;
    const r = parseScenario(s);
    expect(r.ok).toBe(true);
    if (r.ok && r.scenario.program.kind === 'rights-offering') {
      const rs = r.scenario as any;
      expect(rs.waivers).toEqual([]);
      expect(rs.elections[0].oversubscriptionShares).toBe(0);
    }
  });
  it('not a scenario at all', () => {
    expect(formatProblem((parseScenario([]) as any).problem)).toBe('not a scenario: expected a JSON object with "format": "offering-desk/scenario@1"');
    expect(formatProblem((parseScenario('x') as any).problem)).toMatch(/^not a scenario/);
    expect(problem((s) => delete s.format)).toBe('format: missing; not a scenario: expected a JSON object with "format": "offering-desk/scenario@1"');
  });
  it('wrong format', () => {
    expect(problem((s) => (s.format = 'offering-desk/scenario@2'))).toBe('format: expected "offering-desk/scenario@1", got the string "offering-desk/scenario@2"');
  });
  it('unknown program kind', () => {
    expect(problem((s) => (s.program.kind = 'tender-offer'))).toBe('program.kind: expected "rights-offering" or "odd-lot", got the string "tender-offer"');
  });
  it('unknown field, anywhere', () => {
    expect(problem((s) => (s.elections[0].notes = 'x'))).toBe('elections[0].notes: unknown field');
    expect(problem((s) => (s.program.classes[1].colour = 'GREEN'))).toBe('program.classes[1].colour: unknown field');
    expect(problem((s) => (s.extra = 1))).toBe('extra: unknown field');
  });
  it('a float where a decimal string is due', () => {
    expect(problem((s) => (s.elections[0].payments[0].amount = 615))).toBe('elections[0].payments[0].amount: expected a decimal string like "615.00", got the number 615');
    expect(problem((s) => (s.program.subscriptionPrice = 5))).toBe('program.subscriptionPrice: expected a decimal string like "5.00", got the number 5');
    expect(problem((s) => (s.certificates[0].units = 1234.5))).toBe('certificates[0].units: expected a decimal string like "1234", got the number 1234.5');
  });
  it('a negative amount', () => {
    expect(problem((s) => (s.elections[0].payments[0].amount = '-615.00'))).toBe('elections[0].payments[0].amount: must not be negative, got "-615.00"');
  });
  it('fractions of a cent, malformed decimals, absurd sizes', () => {
    expect(problem((s) => (s.elections[0].payments[0].amount = '615.001'))).toBe('elections[0].payments[0].amount: at most 2 decimal places (whole cents), got "615.001"');
    expect(problem((s) => (s.elections[0].payments[0].amount = '6.15e2'))).toBe('elections[0].payments[0].amount: expected a decimal string like "615.00", got the string "6.15e2"');
    expect(problem((s) => (s.elections[0].payments[0].amount = '10000000000000.00'))).toMatch(/^elections\[0\]\.payments\[0\]\.amount: too large/);
    expect(problem((s) => (s.program.subscriptionPrice = '0.00'))).toBe('program.subscriptionPrice: must be more than zero, got "0.00"');
  });
  it('an unknown certificate in an election', () => {
    expect(problem((s) => (s.elections[0].certificate = 'RT-999999'))).toBe('elections[0].certificate: unknown certificate "RT-999999"');
  });
  it('a waiver for a certificate not in the scenario is accepted and changes nothing (the contract’s own example has one)', () => {
    const s = base();
    s.waivers[0].certificate = 'RT-000009';
    expect(parseScenario(s).ok).toBe(true);
  });
  it('a duplicate certificate number; two elections for one certificate', () => {
    expect(problem((s) => s.certificates.push({ ...s.certificates[0] }))).toBe('certificates[1].number: duplicate certificate number "RT-000001" (also certificates[0])');
    expect(problem((s) => s.elections.push({ ...s.elections[0] }))).toBe('elections[1].certificate: certificate "RT-000001" already has an election (elections[0]); one election per certificate');
  });
  it('a non-integer share count', () => {
    expect(problem((s) => (s.elections[0].basicShares = 12.5))).toBe('elections[0].basicShares: expected a whole number of shares (or null: no number written), got 12.5');
    expect(problem((s) => (s.elections[0].oversubscriptionShares = '3'))).toBe('elections[0].oversubscriptionShares: expected a whole number of shares, got the string "3"');
    expect(problem((s) => (s.program.maxShares = -1))).toBe('program.maxShares: must not be negative, got -1');
    expect(problem((s) => (s.program.maxShares = 2 ** 60))).toMatch(/^program\.maxShares: too large/);
  });
  it('an unknown class', () => {
    expect(problem((s) => (s.certificates[0].class = 'D'))).toBe('certificates[0].class: unknown class "D"; the program has "A", "B", "C", "T"');
    expect(problem((s) => s.program.classes.push({ ...s.program.classes[0] }))).toBe('program.classes[4].code: duplicate class "A"');
  });
  it('a bad time: malformed, impossible, or skipped by daylight saving', () => {
    expect(problem((s) => (s.elections[0].receivedAt = '2003-12-01 10:15'))).toBe('elections[0].receivedAt: expected a local time like "2003-12-08T17:00" (YYYY-MM-DDTHH:mm), got the string "2003-12-01 10:15"');
    expect(problem((s) => (s.elections[0].receivedAt = '2003-02-30T10:15'))).toMatch(/^elections\[0\]\.receivedAt: expected a local time/);
    expect(problem((s) => (s.program.expiresAt = '2004-04-04T02:30'))).toBe('program.expiresAt: 2004-04-04T02:30 does not exist in America/New_York (clocks move forward that night)');
    expect(problem((s) => (s.program.timeZone = 'Europe/Atlantis'))).toBe('program.timeZone: expected a time zone like "America/New_York", got the string "Europe/Atlantis"');
  });
  it('wrong types and enums', () => {
    expect(problem((s) => (s.elections[0].signed = 'yes'))).toBe('elections[0].signed: expected true or false, got the string "yes"');
    expect(problem((s) => (s.elections[0].payments[0].method = 'cash'))).toBe('elections[0].payments[0].method: expected one of "check", "certified-check", "bank-draft", "money-order", "wire", got the string "cash"');
    expect(problem((s) => (s.program.oversubscription.basis = 'holdings'))).toBe('program.oversubscription.basis: expected one of "requested", "basic", got the string "holdings"');
    expect(problem((s) => (s.program.classes[3].stage = 3))).toBe('program.classes[3].stage: expected 1 or 2, got the number 3');
    expect(problem((s) => (s.waivers[0].code = 'FORGIVEN'))).toBe('waivers[0].code: unknown deficiency code "FORGIVEN"');
    expect(problem((s) => (s.elections = {}))).toBe('elections: expected a list, got an object');
    expect(problem((s) => delete s.program.subscriptionPrice)).toBe('program.subscriptionPrice: missing; expected a decimal string like "5.00"');
  });
  it('several problems: the first is named and the rest counted, on one line', () => {
    const p = problem((s) => {
      s.elections[0].payments[0].amount = 615;
      s.elections[0].signed = 1;
    });
    expect(p).toBe('elections[0].signed: expected true or false, got the number 1 (and 1 more problem)');
    expect(p.includes('\n')).toBe(false);
  });
});

describe('scenario@1: odd-lot', () => {
  const good = () => {
    const s = oddLot();
    s.holders.push({ account: 'H-1', sharesOnRecordDate: 37, planShares: 0, tinCertified: true, country: 'US' });
    s.orders.push({ account: 'H-1', action: 'sell', receivedAt: '2003-12-01T11:00', orderDate: '2003-12-01', orderPrice: '7.20', transferDate: '2003-12-02' });
    return JSON.parse(JSON.stringify(s));
  };
  it('the contract’s example parses', () => {
    expect(parseScenario(good()).ok).toBe(true);
  });
  it('refuses an unknown account, a buy-up without an order-date price, duplicate prices and holders', () => {
    expect(problem((s) => (s.orders[0].account = 'H-9'), good())).toBe('orders[0].account: unknown account "H-9"');
    expect(problem((s) => {
      s.orders[0].action = 'buy-up';
      delete s.orders[0].orderPrice;
    }, good())).toBe('orders[0].orderPrice: missing; a buy-up needs the price on the order date, like "7.20"');
    expect(problem((s) => s.prices.push({ ...s.prices[0] }), good())).toBe('prices[1].date: duplicate closing price for 2003-12-02 (also prices[0])');
    expect(problem((s) => s.holders.push({ ...s.holders[0] }), good())).toBe('holders[1].account: duplicate account "H-1" (also holders[0])');
    expect(problem((s) => (s.holders[0].planShares = 40), good())).toBe('holders[0].planShares: more than sharesOnRecordDate (40 > 37)');
    expect(problem((s) => (s.program.backupWithholdingRate = '1.5'), good())).toBe('program.backupWithholdingRate: must be at most 1, got "1.5"');
    expect(problem((s) => (s.prices[0].close = 7.05), good())).toBe('prices[0].close: expected a decimal string like "7.05", got the number 7.05');
    expect(problem((s) => (s.orders[0].action = 'hold'), good())).toBe('orders[0].action: expected one of "sell", "buy-up", got the string "hold"');
  });
  it('keeps paid() consistent with the helper used elsewhere', () => {
    expect(paid(3)).toEqual([{ method: 'check', amount: '15.00', status: 'cleared' }]);
  });
});
