/**
 * Every item of a program as the supervisor desk sees it: each election (form or DTC
 * instruction) and odd-lot order with its envelope, certificate, payments, the engine's verdict
 * as things stand at `asOf`, the decisions on it, where it stands under §11 and who keyed or
 * changed it (four-eyes). Read in a handful of whole-program queries, then assessed in memory
 * through services/intake/assess.ts (the engine's rules, never re-implemented here): the queue,
 * the letters and the §10 reports all stand on this one reading.
 */
import type { DeficiencyCode, RightsOfferingTerms } from '../../../../shared/domain';
import { instantToWallTime } from '../../../../shared/domain/time';
import type { AppliedPayment, CertificateRecord, IntakeRecord, ProgramElection, ReadRepos, SupervisionRecord } from '../../store/port';
import { assess, keyedFactsSchema, paymentStatus, type IntakeMethod, type Verdict } from '../intake/assess';
import { guaranteedDeliveryNotCovered } from '../intake/guaranteed-cover';
import { standingOf, type Standing } from './item-status';

export type ItemRef = { readonly kind: 'election'; readonly id: number } | { readonly kind: 'odd-lot-order'; readonly id: number };

export interface ProgramItem {
  readonly ref: ItemRef;
  /** 'form' or 'dtc' for an election; 'odd-lot' for an order. */
  readonly kind: 'form' | 'dtc' | 'odd-lot';
  readonly election: IntakeRecord<'elections'> | null;
  readonly order: IntakeRecord<'odd_lot_orders'> | null;
  readonly reversal: IntakeRecord<'election_reversals'> | null;
  readonly envelope: IntakeRecord<'envelopes'>;
  readonly certificate: CertificateRecord | null;
  readonly payments: readonly AppliedPayment[];
  /** The engine's verdict now; null for an odd-lot order and for a withdrawn election. */
  readonly verdict: Verdict | null;
  /** The elections this one corrects, nearest first (§4a: a correction is a new election). */
  readonly corrects: readonly number[];
  /** Decisions on this item and on the elections it corrects, in the order taken. */
  readonly decisions: readonly SupervisionRecord<'decisions'>[];
  readonly standing: Standing;
  /** Users who keyed or changed it (its elections, reversals, payments, splits): none of them may decide it. */
  readonly hands: ReadonlySet<number>;
}

export interface ProgramItems {
  readonly items: readonly ProgramItem[];
  /** Every item by its key (`election:ID`, `odd-lot-order:ID`). */
  readonly byKey: ReadonlyMap<string, ProgramItem>;
}

export const itemKey = (ref: ItemRef): string => `${ref.kind}:${ref.id}`;

const group = <T, K>(rows: readonly T[], key: (t: T) => K | null): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), row]);
  }
  return out;
};

const latest = (instants: readonly string[]): string => instants.reduce((a, b) => (b > a ? b : a), '');

/** The program's items as things stand at `asOf` (cure dates and cover periods are judged then). */
export async function readProgramItems(r: ReadRepos, programId: number, asOf: Date): Promise<ProgramItems> {
  const program = await r.programs.byId(programId);
  if (!program) throw new Error(`program ${programId} does not exist`);
  const terms = (await r.terms.history(programId)).at(-1)?.terms;
  const [elections, payments, envelopes, orders, stops, decisions] = await Promise.all([
    r.supervision.programElections(programId), r.supervision.programPayments(programId), r.supervision.programEnvelopes(programId),
    r.supervision.programOddLotOrders(programId), r.supervision.programStops(programId), r.supervision.ofProgram('decisions', programId),
  ]);
  const certificates = new Map((await r.supervision.certificatesByIds(elections.map((e) => e.election.certificateId))).map((c) => [c.id, c]));
  const envelopeById = new Map(envelopes.map((e) => [e.id, e]));
  const paymentsByElection = group(payments, (p) => p.electionId);
  const paymentsByOrder = group(payments, (p) => p.oddLotOrderId);
  const decisionsByElection = group(decisions, (d) => d.electionId);
  const decisionsByOrder = group(decisions, (d) => d.oddLotOrderId);
  const electionById = new Map(elections.map((e) => [e.election.id, e]));
  const exercised = basicExercisedByCertificate(elections);
  const timeZone = (terms as { readonly timeZone?: string } | undefined)?.timeZone;
  const today = instantToWallTime(asOf.getTime(), timeZone).slice(0, 10);
  const rights = program.kind === 'rights-offering' && terms ? (terms as RightsOfferingTerms) : null;
  const items: ProgramItem[] = [];

  for (const pe of elections) {
    const { election, reversal } = pe;
    const corrects = chainOf(election, electionById);
    const chain = [election.id, ...corrects];
    const own = chain.flatMap((id) => paymentsByElection.get(id) ?? []);
    const itemPayments = paymentsByElection.get(election.id) ?? [];
    const itemDecisions = chain.flatMap((id) => decisionsByElection.get(id) ?? []).sort((a, b) => a.id - b.id);
    const envelope = envelopeById.get(election.envelopeId)!;
    const certificate = certificates.get(election.certificateId)!;
    const verdict = reversal || !rights ? null : await verdictOf(r, pe, rights, certificate, envelope, itemPayments, exercised, stops, asOf);
    const hands = new Set<number>();
    for (const id of chain) {
      const e = electionById.get(id);
      if (e) hands.add(e.election.keyedBy);
      if (e?.reversal) hands.add(e.reversal.reversedBy);
    }
    for (const p of own) {
      hands.add(p.payment.keyedBy);
      if (p.allocation) hands.add(p.allocation.allocatedBy);
    }
    const arrivals = [election.keyedAt, ...itemPayments.flatMap((p) => [p.payment.keyedAt, ...p.events.map((v) => v.at)])];
    const standing = standingOf({ codes: (verdict?.deficiencies ?? []).map((d) => d.code), decisions: itemDecisions, withdrawn: reversal !== null, today, lastArrivalAt: latest(arrivals) });
    items.push({ ref: { kind: 'election', id: election.id }, kind: election.kind as 'form' | 'dtc', election, order: null, reversal, envelope, certificate, payments: itemPayments, verdict, corrects, decisions: itemDecisions, standing, hands });
  }
  for (const order of orders) {
    const itemPayments = paymentsByOrder.get(order.id) ?? [];
    const itemDecisions = decisionsByOrder.get(order.id) ?? [];
    // A saved order passed its eligibility (one per account, odd lot, in time): none carries a deficiency yet.
    const codes: DeficiencyCode[] = [];
    const hands = new Set<number>([order.keyedBy, ...itemPayments.map((p) => p.payment.keyedBy)]);
    const standing = standingOf({ codes, decisions: itemDecisions, withdrawn: false, today, lastArrivalAt: order.keyedAt });
    items.push({ ref: { kind: 'odd-lot-order', id: order.id }, kind: 'odd-lot', election: null, order, reversal: null, envelope: envelopeById.get(order.envelopeId)!, certificate: null, payments: itemPayments, verdict: null, corrects: [], decisions: itemDecisions, standing, hands });
  }
  return { items, byKey: new Map(items.map((i) => [itemKey(i.ref), i])) };
}

/** Basic shares exercised per certificate by its unreversed elections (as the intake repository sums them). */
function basicExercisedByCertificate(elections: readonly ProgramElection[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const { election, reversal } of elections) if (!reversal) out.set(election.certificateId, (out.get(election.certificateId) ?? 0) + (election.basicShares ?? 0));
  return out;
}

/** The elections `election` corrects, following `corrects_id` back (nearest first; a cycle cannot be keyed). */
function chainOf(election: IntakeRecord<'elections'>, byId: ReadonlyMap<number, ProgramElection>): number[] {
  const out: number[] = [];
  for (let id = election.correctsId; id !== null && !out.includes(id); id = byId.get(id)?.election.correctsId ?? null) out.push(id);
  return out;
}

/** The stored election's verdict as `assessStored` gives it, from rows already read. */
async function verdictOf(
  r: ReadRepos, { election }: ProgramElection, terms: RightsOfferingTerms, certificate: CertificateRecord, envelope: IntakeRecord<'envelopes'>,
  payments: readonly AppliedPayment[], exercised: ReadonlyMap<number, number>, stops: ReadonlyMap<number, string>, asOf: Date,
): Promise<Verdict> {
  const facts = keyedFactsSchema.parse(election.facts);
  const stoppedAt = stops.get(certificate.id);
  return assess({
    terms, certificate, stampedLocal: envelope.stampedLocal,
    basicShares: election.basicShares, oversubscriptionShares: election.oversubscriptionShares, facts,
    payments: payments.map((p) => ({ method: p.payment.method as IntakeMethod, amount: p.applied, status: paymentStatus(p.events) })),
    // A DTC instruction is an exercise unit of its own; a form counts what the certificate's other elections exercised.
    exercisedBefore: election.kind === 'dtc' ? 0 : Math.max(0, (exercised.get(certificate.id) ?? 0) - (election.basicShares ?? 0)),
    rightsSurrendered: election.rightsSurrendered,
    certificateStopped: stoppedAt !== undefined && stoppedAt <= election.keyedAt,
    guaranteedDeliveryNotCovered: facts.guaranteedDelivery === true ? await guaranteedDeliveryNotCovered(r, election.id, terms, asOf) : false,
  });
}
