/**
 * One clerk's day of mail for the XO offering, as data: what the clerk keys (envelope by
 * envelope, item by item), what the bank's clearance file says the next morning, and the batch
 * control figures worked out from that data alone — counts, shares and cents — for the test to
 * hold the screen and the printed report against. Money is summed in integer cents (bigint).
 */
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { FIXTURE_BANK, FIXTURE_BANK_LAYOUT, FIXTURE_HEADER, FIXTURE_LAYOUT } from '../../electron/desk/services/payments/bank-fixture';
import { createFirstAdmin, createUser } from '../../electron/desk/services/accounts';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { saveBankLayout } from '../../electron/desk/services/payments/bank-layouts';
import { createProgram } from '../../electron/desk/services/programs';
import { recordTerms } from '../../electron/desk/services/terms';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { oddLotIntakeBook } from '../../electron/desk/testing/intake-more-fixture';
import { entry, writeRegister, XO_CUSIP } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, CLERK } from './harness';

/** Tuesday 9 December 2003, 11:00 in New York: the morning after the XO offering expired (12/08/2003 5:00 p.m.). */
export const DAY_NOW = new Date('2003-12-09T16:00:00.000Z');
export const XO_NAME = 'XO Communications 2003 rights offering';
const PRICE_CENTS = 500n; // the XO subscription price, $5.00 a share
const FIRM_RIGHTS = 1000; // every holder's class A rights (1 share per right)
export const CEDE = 'RT-000015';

export const holderOf = (n: number) => `HOLDER ${n} ŁÓDŹ`;

/** The book: the XO register (fourteen holders of 1,000 class A rights, Cede & Co with 50,000), an odd-lot program, a clerk, the bank's file layout. */
export async function prepareDayBook(bookPath: string): Promise<void> {
  const store = await openStore(bookPath, { now: () => DAY_NOW, mode: 'create' });
  try {
    const admin = await createFirstAdmin(store, ADMIN);
    await createUser(store, admin, { ...CLERK, role: 'clerk' });
    const program = await createProgram(store, admin, { kind: 'rights-offering', name: XO_NAME, issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' });
    await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
    const holders = Array.from({ length: 14 }, (_, i) => entry({ account: `E-${String(i + 1).padStart(2, '0')}`, class: 'A', units: String(FIRM_RIGHTS), registration: [holderOf(i + 1), '', '', ''] }, i + 2));
    const cede = entry({ account: 'H-9000', class: 'A', units: '50000', registration: ['Cede & Co', '', '', ''], nominee: 'Cede & Co', address1: '55 Water Street', city: 'New York', state: 'NY', postalCode: '10041' }, 16);
    await writeRegister(store, { programId: program.id, supervisor: admin }, [...holders, cede]);
    await issueCertificates(store, actorOf(admin), program.id);
    await oddLotIntakeBook(store, { supervisor: admin });
    await saveBankLayout(store, admin, { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
  } finally {
    await store.close();
  }
}

export type Method = 'check' | 'certified-check' | 'bank-draft' | 'money-order' | 'wire' | 'dtc';
/** What the first letters typed on the Method list pick. */
export const METHOD_LETTERS: Readonly<Record<Exclude<Method, 'dtc'>, string>> = { check: 'ch', 'certified-check': 'ce', 'bank-draft': 'b', 'money-order': 'm', wire: 'w' };
export const METHOD_WORDS: Readonly<Record<Method, string>> = { check: 'Check', 'certified-check': 'Certified check', 'bank-draft': 'Bank draft', 'money-order': 'Money order', wire: 'Wire', dtc: 'DTC settlement' };

export interface DayPayment {
  readonly method: Method;
  readonly amount: string;
  /** Check number or money order serial. */
  readonly number?: string;
  readonly routing?: string;
  readonly account?: string;
  readonly reference?: string;
  /** What the bank file says of it the next morning (checks and wires only). */
  readonly bank?: 'cleared' | 'returned';
}

export interface DayItem {
  readonly name: string;
  readonly envelope: number;
  readonly kind: 'form' | 'dtc';
  readonly certificate: string;
  readonly basic: number | null;
  readonly over: number;
  readonly payments: readonly DayPayment[];
  /** Questions answered No on the form, by their labels. */
  readonly noes?: readonly string[];
  /** The warnings the clerk is shown and confirms, in words. */
  readonly warnings?: readonly RegExp[];
  /** DTC: rights surrendered, and whether the Nominee Holder Certification came with it. */
  readonly surrendered?: number;
  readonly certified?: boolean;
  /** The deficiencies as keyed, and after the bank file (when different). */
  readonly codes: readonly string[];
  readonly settledCodes?: readonly string[];
  /** Corrected later (§4a): reversed, and keyed again as `correction`. */
  readonly correctedTo?: { readonly reason: string; readonly basic: number };
}

export interface DayEnvelope {
  readonly seq: number;
  readonly time: string;
  readonly wall: string;
  readonly stated: number;
  readonly source: 'mail' | 'dtc';
}

export const ENVELOPES: readonly DayEnvelope[] = [
  { seq: 1, time: '0915', wall: '9:15 a.m.', stated: 10, source: 'mail' },
  { seq: 2, time: '1340', wall: '1:40 p.m.', stated: 3, source: 'mail' },
  { seq: 3, time: '1400', wall: '2:00 p.m.', stated: 2, source: 'dtc' },
  { seq: 4, time: '1701', wall: '5:01 p.m.', stated: 2, source: 'mail' },
];

const ABA = '021000021';

export const ITEMS: readonly DayItem[] = [
  { name: 'clean check, scanned', envelope: 1, kind: 'form', certificate: 'RT-000001', basic: 100, over: 0, payments: [{ method: 'check', amount: '500.00', routing: ABA, number: '1001', bank: 'cleared' }], codes: ['NO_GOOD_FUNDS'], settledCodes: [] },
  { name: 'check returned NSF', envelope: 1, kind: 'form', certificate: 'RT-000002', basic: 200, over: 0, payments: [{ method: 'check', amount: '1000.00', routing: ABA, number: '1002', bank: 'returned' }], codes: ['NO_GOOD_FUNDS'], settledCodes: ['NO_GOOD_FUNDS', 'RETURNED_CHECK'] },
  { name: 'full, certified check', envelope: 1, kind: 'form', certificate: 'RT-000003', basic: 300, over: 0, payments: [{ method: 'certified-check', amount: '1500.00', number: '883' }], codes: [] },
  { name: 'no number indicated (§4b)', envelope: 1, kind: 'form', certificate: 'RT-000004', basic: null, over: 0, payments: [{ method: 'money-order', amount: '250.00', number: '70004' }], codes: [] },
  { name: 'short payment', envelope: 1, kind: 'form', certificate: 'RT-000005', basic: 100, over: 0, payments: [{ method: 'money-order', amount: '400.00', number: '70005' }], codes: ['PAYMENT_SHORT'], correctedTo: { reason: 'Basic shares keyed as 100, the form says 80', basic: 80 } },
  { name: 'unsigned', envelope: 1, kind: 'form', certificate: 'RT-000006', basic: 10, over: 0, payments: [{ method: 'money-order', amount: '50.00', number: '70006' }], noes: ['Signed'], codes: ['UNSIGNED'] },
  { name: 'no W-9', envelope: 1, kind: 'form', certificate: 'RT-000007', basic: 20, over: 0, payments: [{ method: 'money-order', amount: '100.00', number: '70007' }], noes: ['TIN / W-9 received'], codes: ['MISSING_TIN'] },
  { name: 'oversubscription without the full basic', envelope: 1, kind: 'form', certificate: 'RT-000008', basic: 100, over: 50, payments: [{ method: 'money-order', amount: '750.00', number: '70008' }], codes: ['OVERSUB_WITHOUT_FULL_BASIC'] },
  { name: 'oversubscription, basic in full', envelope: 1, kind: 'form', certificate: 'RT-000009', basic: 1000, over: 200, payments: [{ method: 'certified-check', amount: '6000.00', number: '889' }], codes: [] },
  { name: 'wire, collected next morning', envelope: 1, kind: 'form', certificate: 'RT-000010', basic: 40, over: 0, payments: [{ method: 'wire', amount: '200.00', reference: 'XO-W10', bank: 'cleared' }], codes: ['NO_GOOD_FUNDS'], settledCodes: [] },
  { name: 'uncleared check', envelope: 2, kind: 'form', certificate: 'RT-000011', basic: 60, over: 0, payments: [{ method: 'check', amount: '300.00', routing: ABA, number: '1011', account: '5550001' }], codes: ['NO_GOOD_FUNDS'] },
  { name: 'the same check number from the same account', envelope: 2, kind: 'form', certificate: 'RT-000012', basic: 20, over: 0, payments: [{ method: 'check', amount: '100.00', routing: ABA, number: '1011', account: '5550001' }], warnings: [/Check 1011 from this account was keyed before, with item \d+ on .* \(300\.00\)\. Confirm to key it again\./], codes: ['NO_GOOD_FUNDS'] },
  { name: 'the same certificate again', envelope: 2, kind: 'form', certificate: 'RT-000001', basic: 5, over: 0, payments: [{ method: 'money-order', amount: '25.00', number: '70013' }], warnings: [/RT-000001 was keyed before: item \d+ by carl on .* \(100 basic shares\)\. Confirm to key it again\./], codes: [] },
  { name: 'DTC instruction, certified', envelope: 3, kind: 'dtc', certificate: CEDE, basic: 1000, over: 200, surrendered: 1000, certified: true, payments: [{ method: 'dtc', amount: '6000.00' }], codes: [] },
  { name: 'DTC instruction, no certification', envelope: 3, kind: 'dtc', certificate: CEDE, basic: 500, over: 100, surrendered: 500, certified: false, payments: [{ method: 'dtc', amount: '3000.00' }], codes: ['NOMINEE_CERTIFICATION_MISSING'] },
  { name: 'late by a minute', envelope: 4, kind: 'form', certificate: 'RT-000013', basic: 10, over: 0, payments: [{ method: 'money-order', amount: '50.00', number: '70015' }], codes: ['LATE'] },
  { name: 'late, bank draft', envelope: 4, kind: 'form', certificate: 'RT-000014', basic: 40, over: 0, payments: [{ method: 'bank-draft', amount: '200.00', number: '5514' }], codes: ['LATE'] },
];

/** The odd-lot program's mail: a phone call and a broker's instruction. */
export const ODD_LOTS = [
  { account: 'OL-1', action: 'sell', letter: '', date: '120803', time: '0930', price: '', shares: 37, source: 'phone', sourceLetter: 'p' },
  { account: 'OL-5', action: 'buy', letter: 'b', date: '120803', time: '1055', price: '7.05', shares: 40, source: 'broker', sourceLetter: 'b' },
] as const;

/** The bank's clearance file of 12/09/2003: two checks and the wire matched, one line that matches nothing. */
export function bankFile(): string {
  const lines = ITEMS.flatMap((i) => i.payments.filter((p) => p.bank).map((p) => `${p.number ?? ''},,${p.amount},12/09/2003,${p.bank === 'cleared' ? 'PAID' : 'RETURNED'},${p.bank === 'returned' ? 'NSF' : ''},${p.reference ?? ''}`));
  return [FIXTURE_HEADER, ...lines, '1099,,75.00,12/09/2003,PAID,,', ''].join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// The figures, from the data above.

const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));
export const dollarsOf = (c: bigint): string => `$${(c / 100n).toLocaleString('en-US')}.${String(c % 100n).padStart(2, '0')}`;

/** An election as it counts on the batch: a corrected one in its correction's place. */
interface Counting {
  readonly item: DayItem;
  readonly basic: number | null;
}
const counting = (): Counting[] => ITEMS.map((item) => ({ item, basic: item.correctedTo ? item.correctedTo.basic : item.basic }));

/** §6a once the bank file is read: an uncertified check or a wire counts once cleared; DTC settlement once settled (it was). */
const goodCents = (item: DayItem): bigint =>
  item.payments.reduce((sum, p) => {
    const good = p.method === 'check' || p.method === 'wire' ? p.bank === 'cleared' : true;
    return good ? sum + cents(p.amount) : sum;
  }, 0n);

/** §4b: the basic shares the good funds cover, at most those written and the rights; the oversubscription from what is left. */
function deemed(c: Counting): { basic: number; overPaid: number } {
  const rights = c.item.surrendered ?? FIRM_RIGHTS;
  const cover = Number(goodCents(c.item) / PRICE_CENTS);
  const basic = Math.min(rights, c.basic ?? cover, cover);
  return { basic, overPaid: c.item.over > 0 ? Math.min(c.item.over, cover - basic) : 0 };
}

export interface DayFigures {
  readonly forms: number;
  readonly dtc: number;
  readonly items: number;
  readonly corrections: number;
  readonly keyedByEnvelope: ReadonlyMap<number, number>;
  readonly basicWritten: number;
  readonly noNumber: number;
  readonly basicDeemed: number;
  readonly overWritten: number;
  readonly overPaid: number;
  readonly surrendered: number;
  readonly methods: readonly { method: Method; payments: number; amount: string }[];
  readonly total: { payments: number; amount: string };
  readonly deficiencies: ReadonlyMap<string, number>;
  readonly withDeficiencies: number;
}

export function dayFigures(): DayFigures {
  const keyedByEnvelope = new Map<number, number>();
  for (const i of ITEMS) keyedByEnvelope.set(i.envelope, (keyedByEnvelope.get(i.envelope) ?? 0) + 1);
  const all = counting();
  const byMethod = new Map<Method, { payments: number; cents: bigint }>();
  for (const p of ITEMS.flatMap((i) => i.payments)) {
    const m = byMethod.get(p.method) ?? { payments: 0, cents: 0n };
    byMethod.set(p.method, { payments: m.payments + 1, cents: m.cents + cents(p.amount) });
  }
  const order: readonly Method[] = ['check', 'certified-check', 'bank-draft', 'money-order', 'wire', 'dtc'];
  const methods = order.filter((m) => byMethod.has(m)).map((m) => ({ method: m, payments: byMethod.get(m)!.payments, amount: dollarsOf(byMethod.get(m)!.cents) }));
  const deficiencies = new Map<string, number>();
  for (const i of ITEMS) for (const code of i.correctedTo ? [] : (i.settledCodes ?? i.codes)) deficiencies.set(code, (deficiencies.get(code) ?? 0) + 1);
  const sum = (f: (c: Counting) => number) => all.reduce((n, c) => n + f(c), 0);
  return {
    forms: ITEMS.filter((i) => i.kind === 'form').length,
    dtc: ITEMS.filter((i) => i.kind === 'dtc').length,
    items: ITEMS.length,
    corrections: ITEMS.filter((i) => i.correctedTo).length,
    keyedByEnvelope,
    basicWritten: sum((c) => c.basic ?? 0),
    noNumber: all.filter((c) => c.basic === null).length,
    basicDeemed: sum((c) => deemed(c).basic),
    overWritten: sum((c) => c.item.over),
    overPaid: sum((c) => deemed(c).overPaid),
    surrendered: sum((c) => c.item.surrendered ?? 0),
    methods,
    total: { payments: methods.reduce((n, m) => n + m.payments, 0), amount: dollarsOf([...byMethod.values()].reduce((n, m) => n + m.cents, 0n)) },
    deficiencies,
    withDeficiencies: ITEMS.filter((i) => !i.correctedTo && (i.settledCodes ?? i.codes).length > 0).length,
  };
}
