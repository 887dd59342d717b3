/**
 * One item of a program, read on its own: what a decision re-reads inside its change, under the
 * writers' lock, without reading the whole program again. It gives the item exactly as
 * readProgramItems gives it (tested side by side in item-one.test.ts): the same verdict (through
 * assessStored), the same chain of corrections, decisions, hands and standing.
 */
import type { DeficiencyCode, RightsOfferingTerms } from '../../../../shared/domain';
import { instantToWallTime } from '../../../../shared/domain/time';
import type { AppliedPayment, IntakeRecord, ReadRepos, SupervisionRecord } from '../../store/port';
import { assessStored } from '../intake/assess';
import { standingOf } from './item-status';
import type { ItemRef, ProgramItem } from './program-items';

const latest = (instants: readonly string[]): string => instants.reduce((a, b) => (b > a ? b : a), '');

/** The item, or undefined when the program has no such election or order. */
export async function readOneItem(r: ReadRepos, programId: number, ref: ItemRef, asOf: Date): Promise<ProgramItem | undefined> {
  const terms = (await r.terms.history(programId)).at(-1)?.terms;
  const timeZone = (terms as { readonly timeZone?: string } | undefined)?.timeZone;
  const today = instantToWallTime(asOf.getTime(), timeZone).slice(0, 10);
  if (ref.kind === 'odd-lot-order') return oneOrder(r, programId, ref.id, today);
  const election = await r.intake.byId('elections', ref.id);
  if (!election || election.programId !== programId) return undefined;
  const program = await r.programs.byId(programId);
  const rights = program?.kind === 'rights-offering' && terms ? (terms as RightsOfferingTerms) : null;
  const chain = [election.id, ...(await chainOf(r, election))];
  const reversal = (await r.intake.where('election_reversals', 'electionId', election.id))[0] ?? null;
  const envelope = (await r.intake.byId('envelopes', election.envelopeId))!;
  const certificate = (await r.certificates.byId(election.certificateId))!;
  const payments = await appliedOf(r, election.id);
  const verdict = reversal || !rights ? null : await assessStored(r, election, rights, certificate, envelope.stampedLocal, asOf);
  const decisions: SupervisionRecord<'decisions'>[] = [];
  const hands = new Set<number>();
  for (const id of chain) {
    decisions.push(...(await r.supervision.where('decisions', 'electionId', id)));
    const e = id === election.id ? election : await r.intake.byId('elections', id);
    if (e) hands.add(e.keyedBy);
    for (const rev of await r.intake.where('election_reversals', 'electionId', id)) hands.add(rev.reversedBy);
    for (const p of id === election.id ? payments : await appliedOf(r, id)) {
      hands.add(p.payment.keyedBy);
      if (p.allocation) hands.add(p.allocation.allocatedBy);
    }
  }
  decisions.sort((a, b) => a.id - b.id);
  const arrivals = [election.keyedAt, ...payments.flatMap((p) => [p.payment.keyedAt, ...p.events.map((v) => v.at)])];
  const standing = standingOf({ codes: (verdict?.deficiencies ?? []).map((d) => d.code), decisions, withdrawn: reversal !== null, today, lastArrivalAt: latest(arrivals) });
  return { ref, kind: election.kind as 'form' | 'dtc', election, order: null, reversal, envelope, certificate, payments, verdict, corrects: chain.slice(1), decisions, standing, hands };
}

async function oneOrder(r: ReadRepos, programId: number, id: number, today: string): Promise<ProgramItem | undefined> {
  const order = await r.intake.byId('odd_lot_orders', id);
  if (!order || order.programId !== programId) return undefined;
  const envelope = (await r.intake.byId('envelopes', order.envelopeId))!;
  const payments = await Promise.all(
    (await r.intake.where('payments', 'oddLotOrderId', id)).map(async (payment): Promise<AppliedPayment> => ({
      payment, electionId: null, oddLotOrderId: id, applied: payment.amount, allocation: null, events: await r.intake.where('payment_events', 'paymentId', payment.id),
    })),
  );
  const decisions = await r.supervision.where('decisions', 'oddLotOrderId', id);
  const codes: DeficiencyCode[] = [];
  const standing = standingOf({ codes, decisions, withdrawn: false, today, lastArrivalAt: order.keyedAt });
  const hands = new Set<number>([order.keyedBy, ...payments.map((p) => p.payment.keyedBy)]);
  return { ref: { kind: 'odd-lot-order', id }, kind: 'odd-lot', election: null, order, reversal: null, envelope, certificate: null, payments, verdict: null, corrects: [], decisions, standing, hands };
}

/** The elections `election` corrects, nearest first. */
async function chainOf(r: ReadRepos, election: IntakeRecord<'elections'>): Promise<number[]> {
  const out: number[] = [];
  for (let id = election.correctsId; id !== null && !out.includes(id); ) {
    out.push(id);
    id = (await r.intake.byId('elections', id))?.correctsId ?? null;
  }
  return out;
}

/** The payments applied to an election, each with its allocation when split (as programPayments gives them). */
async function appliedOf(r: ReadRepos, electionId: number): Promise<AppliedPayment[]> {
  const [applied, allocations] = await Promise.all([r.intake.paymentsOf(electionId), r.intake.where('payment_allocations', 'electionId', electionId)]);
  return applied.map((p) => ({
    payment: p.payment, electionId, oddLotOrderId: null, applied: p.applied, events: p.events,
    allocation: allocations.find((a) => a.paymentId === p.payment.id) ?? null,
  }));
}
