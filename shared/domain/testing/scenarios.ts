/**
 * Test helpers: small rights and odd-lot scenarios in the XO shape (classes A/B/C/T, $5.00,
 * 43,333,333 shares; the odd-lot notice's $0.65 fee and 100-share round lot).
 */
import type { OddLotScenario, RightsScenario, ScenarioElection } from '../scenario';
import { SCENARIO_FORMAT } from '../scenario';

export const XO_CLASSES = [
  { code: 'A', firmRightsPerUnit: '1', oversubscription: true },
  { code: 'B', firmRightsPerUnit: '0.1', oversubscription: true },
  { code: 'C', firmRightsPerUnit: '0', oversubscription: true },
  { code: 'T', firmRightsPerUnit: '1', oversubscription: false, stage: 2 as const },
] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

export function xoRights(overrides: Partial<Mutable<RightsScenario['program']>> = {}): Mutable<RightsScenario> {
  return {
    format: SCENARIO_FORMAT,
    program: {
      kind: 'rights-offering',
      timeZone: 'America/New_York',
      expiresAt: '2003-12-08T17:00',
      subscriptionPrice: '5.00',
      maxShares: 43_333_333,
      oversubscription: { basis: 'requested', requireFullBasic: true },
      classes: XO_CLASSES.map((c) => ({ ...c })),
      ...overrides,
    },
    certificates: [],
    elections: [],
    waivers: [],
  } as Mutable<RightsScenario>;
}

let counter = 0;
/** Adds a certificate and (unless `election` is null) its election; returns the certificate number. */
export function addHolder(
  s: Mutable<RightsScenario>,
  cls: string,
  units: string,
  election: Partial<Mutable<ScenarioElection>> | null = {},
  number?: string,
): string {
  const n = number ?? `RT-${String(++counter).padStart(6, '0')}`;
  s.certificates.push({ number: n, class: cls, units, country: 'US' });
  if (election !== null) {
    s.elections.push({
      certificate: n,
      receivedAt: '2003-12-01T10:15',
      signed: true,
      basicShares: null,
      oversubscriptionShares: 0,
      payments: [],
      ...election,
    } as Mutable<ScenarioElection>);
  }
  return n;
}

/** A cleared check for `shares` at $5.00. */
export function paid(shares: number, method: 'check' | 'wire' | 'certified-check' | 'bank-draft' | 'money-order' = 'check', status: 'received' | 'cleared' | 'returned' = 'cleared') {
  const cents = shares * 500;
  return [{ method, amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, status }];
}

export function oddLot(): Mutable<OddLotScenario> {
  return {
    format: SCENARIO_FORMAT,
    program: { kind: 'odd-lot', timeZone: 'America/New_York', expiresAt: '2004-03-05T17:00', processingFeePerShare: '0.65', roundLot: 100, backupWithholdingRate: '0.24' },
    prices: [{ date: '2003-12-02', close: '7.05' }],
    holders: [],
    orders: [],
  } as Mutable<OddLotScenario>;
}
