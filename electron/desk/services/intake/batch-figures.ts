/**
 * A batch's control figures, worked out from its rows: what the clerk balances against the
 * envelopes before closing the batch, what the batch control report prints and what the
 * batch_closings row keeps. Pure: the rows and the engine's verdict on each election come in,
 * plain JSON comes out. Money is summed in integer cents (bigint) and kept as decimal text.
 *
 * Counting rules (the same on the screen, the report and the closing):
 * - An envelope's keyed items are the things keyed from it as items of mail: election forms and
 *   DTC instructions first keyed from it, odd-lot orders, certificates delivered for a notice of
 *   guaranteed delivery. A correction (§4a: a reversal plus a new election) re-keys an item
 *   already counted, so it is not counted again; a reversed election still came in the envelope.
 * - Shares and deficiencies are those of the elections that count: in the batch and not reversed
 *   (a correction keyed into this batch counts here, the election it corrects no longer does).
 * - Amounts are every payment received in the batch, by method, as received.
 */
import { formatCents, parseCents } from '../../../../shared/domain';
import type { BatchFigures, EnvelopeFigures, MethodFigures, ShareFigures } from '../../../../shared/ipc/batch-control';

export const ITEM_KINDS = ['forms', 'dtc', 'oddLots', 'covers'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface EnvelopeRow {
  readonly id: number;
  readonly seq: number;
  readonly source: string;
  readonly stampedLocal: string;
  readonly itemCount: number;
}

/** The engine's verdict on an election (services/intake/assess.ts). */
export interface ElectionVerdict {
  readonly basicShares: number;
  readonly oversubscriptionPaid: number;
  readonly deficiencies: readonly string[];
}

export interface ElectionRow {
  readonly id: number;
  readonly envelopeId: number;
  readonly kind: 'form' | 'dtc';
  readonly basicShares: number | null;
  readonly oversubscriptionShares: number;
  readonly rightsSurrendered: number | null;
  readonly correctsId: number | null;
  readonly reversed: boolean;
  readonly verdict: ElectionVerdict;
}

export interface OddLotRow {
  readonly id: number;
  readonly envelopeId: number;
  readonly action: 'sell' | 'buy-up';
  readonly shares: number;
}

export interface CoverRow {
  readonly id: number;
  readonly envelopeId: number;
}

export interface PaymentRow {
  readonly id: number;
  readonly method: string;
  /** Decimal text with two decimals ("615.00"). */
  readonly amount: string;
}

export interface BatchRows {
  readonly envelopes: readonly EnvelopeRow[];
  readonly elections: readonly ElectionRow[];
  readonly oddLots: readonly OddLotRow[];
  readonly covers: readonly CoverRow[];
  readonly payments: readonly PaymentRow[];
}

/** Payment methods in the order the report lists them; an unknown one follows, by name. */
export const METHOD_ORDER = ['check', 'certified-check', 'bank-draft', 'money-order', 'wire', 'dtc'] as const;

const zeroCounts = (): Record<ItemKind | 'total', number> => ({ forms: 0, dtc: 0, oddLots: 0, covers: 0, total: 0 });

function countItems(rows: BatchRows): Map<number, Record<ItemKind | 'total', number>> {
  const byEnvelope = new Map<number, Record<ItemKind | 'total', number>>(rows.envelopes.map((e) => [e.id, zeroCounts()]));
  const add = (envelopeId: number, kind: ItemKind) => {
    let counts = byEnvelope.get(envelopeId);
    if (!counts) byEnvelope.set(envelopeId, (counts = zeroCounts()));
    counts[kind] += 1;
    counts.total += 1;
  };
  for (const e of rows.elections) if (e.correctsId === null) add(e.envelopeId, e.kind === 'dtc' ? 'dtc' : 'forms');
  for (const o of rows.oddLots) add(o.envelopeId, 'oddLots');
  for (const c of rows.covers) add(c.envelopeId, 'covers');
  return byEnvelope;
}

function shareFigures(rows: BatchRows, counting: readonly ElectionRow[]): ShareFigures {
  let basicWritten = 0, basicNotIndicated = 0, oversubscriptionWritten = 0, basicDeemed = 0, oversubscriptionPaid = 0, rightsSurrendered = 0;
  for (const e of counting) {
    if (e.basicShares === null) basicNotIndicated += 1;
    else basicWritten += e.basicShares;
    oversubscriptionWritten += e.oversubscriptionShares;
    basicDeemed += e.verdict.basicShares;
    oversubscriptionPaid += e.verdict.oversubscriptionPaid;
    rightsSurrendered += e.rightsSurrendered ?? 0;
  }
  const oddLotShares = (action: OddLotRow['action']) => rows.oddLots.filter((o) => o.action === action).reduce((n, o) => n + o.shares, 0);
  return { basicWritten, basicNotIndicated, oversubscriptionWritten, basicDeemed, oversubscriptionPaid, rightsSurrendered, oddLotSell: oddLotShares('sell'), oddLotBuyUp: oddLotShares('buy-up') };
}

function methodFigures(payments: readonly PaymentRow[]): { methods: MethodFigures[]; total: MethodFigures } {
  const sums = new Map<string, { payments: number; cents: bigint }>();
  let total = 0n;
  for (const p of payments) {
    const cents = parseCents(p.amount);
    const sum = sums.get(p.method) ?? { payments: 0, cents: 0n };
    sums.set(p.method, { payments: sum.payments + 1, cents: sum.cents + cents });
    total += cents;
  }
  const rank = (m: string) => {
    const at = (METHOD_ORDER as readonly string[]).indexOf(m);
    return at === -1 ? METHOD_ORDER.length : at;
  };
  const methods = [...sums.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([method, s]) => ({ method, payments: s.payments, amount: formatCents(s.cents) }));
  return { methods, total: { method: 'total', payments: payments.length, amount: formatCents(total) } };
}

function deficiencyFigures(counting: readonly ElectionRow[]): Pick<BatchFigures, 'deficiencies' | 'electionsWithDeficiencies'> {
  const byCode = new Map<string, number>();
  let withAny = 0;
  for (const e of counting) {
    if (e.verdict.deficiencies.length > 0) withAny += 1;
    for (const code of e.verdict.deficiencies) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  return { deficiencies: [...byCode.entries()].map(([code, items]) => ({ code, items })), electionsWithDeficiencies: withAny };
}

/** The figures of one batch from its rows. */
export function batchFigures(rows: BatchRows): BatchFigures {
  const counted = countItems(rows);
  const envelopes = [...rows.envelopes]
    .sort((a, b) => a.seq - b.seq)
    .map((e): EnvelopeFigures => {
      const keyed = counted.get(e.id) ?? zeroCounts();
      return { envelopeId: e.id, seq: e.seq, source: e.source, stampedLocal: e.stampedLocal, stated: e.itemCount, keyed, difference: keyed.total - e.itemCount };
    });
  const items = zeroCounts();
  for (const e of envelopes) for (const kind of [...ITEM_KINDS, 'total'] as const) items[kind] += e.keyed[kind];
  const counting = rows.elections.filter((e) => !e.reversed);
  const { methods, total } = methodFigures(rows.payments);
  return {
    envelopes,
    items: { ...items, stated: envelopes.reduce((n, e) => n + e.stated, 0), corrections: rows.elections.filter((e) => e.correctsId !== null).length, reversed: rows.elections.length - counting.length },
    shares: shareFigures(rows, counting),
    methods,
    amountTotal: total,
    ...deficiencyFigures(counting),
    balanced: envelopes.every((e) => e.difference === 0),
  };
}

/** "Envelope 2: 3 items stated, 2 keyed (1 short)" for each envelope that does not balance. */
export function differencesInWords(figures: BatchFigures): string[] {
  return figures.envelopes
    .filter((e) => e.difference !== 0)
    .map((e) => `Envelope ${e.seq}: ${e.stated} ${e.stated === 1 ? 'item' : 'items'} stated, ${e.keyed.total} keyed (${Math.abs(e.difference)} ${e.difference < 0 ? 'short' : 'over'})`);
}
