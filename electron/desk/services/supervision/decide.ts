/**
 * A supervisor's decision on one irregular item (§11), in one change with its journal entry:
 * waive deficiencies, allow a cure by a date, record a cure, or reject (its good funds are
 * scheduled for refund in the same change).
 *
 * Rules (checked here, whatever the channel did):
 * - only a supervisor or an administrator decides (the roles with authority over terms and users);
 * - four-eyes: nobody decides an item they keyed or changed (its `hands`);
 * - a reason is required (trimmed, at most 500 characters);
 * - waive, cure and allow-cure name codes open on the item; a code the catalog marks never
 *   waivable (LATE, RETURNED_CHECK…) is refused with its words;
 * - a cure date is after today (New York) and at most CURE_HORIZON_DAYS away; a date past the
 *   offering's expiration is allowed — §11 lets the company set the time for a cure — and said
 *   back as a warning so the supervisor knows the holder's exercise waits past expiration;
 * - a rejected or withdrawn item, or one with nothing open, is refused.
 * The item is re-read inside the change after taking the writers' lock, so two supervisors
 * deciding the same item at once are taken one after the other and the second sees the first.
 */
import { addCalendarDays, deficiency, instantToWallTime, type DeficiencyCode, type RightsOfferingTerms } from '../../../../shared/domain';
import { summarizeFunds, type PaymentMethod } from '../../../../shared/domain/funds';
import { centsOf, formatCents } from '../../../../shared/domain/money';
import type { DecidedView, DecisionKindInput } from '../../../../shared/ipc/queue';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, ReadRepos, SupervisionRecord, WriteRepos } from '../../store/port';
import { expiresAtFor, paymentStatus } from '../intake/assess';
import { actorOf } from '../views';
import { readOneItem } from './item-one';
import { standingOf } from './item-status';
import type { ItemRef, ProgramItem } from './program-items';
import { ITEM_WORDS, STATUS_WORDS } from './queue-words';

export const REASON_MAX = 500;
/** A cure date further out than this is taken for a typing slip. */
export const CURE_HORIZON_DAYS = 90;

export const DECISION_ACTIONS: Readonly<Record<DecisionKindInput, string>> = {
  waive: 'decision.waived', 'allow-cure': 'decision.cureAllowed', cured: 'decision.cured', reject: 'decision.rejected',
};

export interface DecideInput {
  readonly programId: number;
  readonly item: ItemRef;
  readonly decision: DecisionKindInput;
  readonly codes: readonly DeficiencyCode[];
  readonly reason: string;
  readonly cureBy: string | null;
}

const DECIDING_ROLES: ReadonlySet<string> = new Set(['supervisor', 'admin']);

export async function decideItem(store: BookStore, user: SessionUser, input: DecideInput): Promise<DecidedView> {
  if (!DECIDING_ROLES.has(user.role)) throw new DeskFailure('FORBIDDEN', 'Only a supervisor or an administrator decides an irregular item', 'decision');
  const reason = input.reason.trim();
  if (reason === '') throw new DeskFailure('INVALID_INPUT', 'Reason is required: say why in a few words', 'reason');
  if (reason.length > REASON_MAX) throw new DeskFailure('INVALID_INPUT', `Reason must be at most ${REASON_MAX} characters`, 'reason');
  return store.change(actorOf(user), DECISION_ACTIONS[input.decision], async (tx, at) => {
    await tx.intake.serializeWriters();
    const item = await readOneItem(tx, input.programId, input.item, new Date(at));
    if (!item) throw new DeskFailure('NOT_FOUND', `There is no such ${input.item.kind === 'election' ? 'election' : 'odd-lot order'} in this program`, 'item');
    const name = `${ITEM_WORDS[item.kind]} ${item.ref.id}`;
    refuseStanding(item, name, user);
    const codes = chosenCodes(item, input);
    const today = instantToWallTime(Date.parse(at)).slice(0, 10);
    const warning = input.decision === 'allow-cure' ? await checkCureBy(tx, item, input.cureBy, today) : null;
    const record = {
      programId: input.programId, electionId: item.election?.id ?? null, oddLotOrderId: item.order?.id ?? null,
      kind: input.decision, codes, cureBy: input.decision === 'allow-cure' ? input.cureBy : null, reason, decidedAt: at, decidedBy: user.id,
    };
    const decisionId = await tx.supervision.insert('decisions', record);
    const refund = input.decision === 'reject' ? await scheduleRefund(tx, item, decisionId, at, user.id) : null;
    const after = standingAfter(item, { id: decisionId, ...record }, today);
    const payload = {
      decisionId, programId: input.programId, item: item.ref, ...(item.election ? { electionId: item.election.id } : { orderId: item.order!.id }),
      decision: input.decision, codes, reason, cureBy: record.cureBy, decidedBy: { id: user.id, username: user.username },
      refund, before: { status: item.standing.status, open: item.standing.open }, after: { status: after.status, open: after.open }, ...(warning ? { warning } : {}),
    };
    return { payload, result: { decisionId, refund: refund?.amount ?? null, status: after.status, statusWords: STATUS_WORDS[after.status], warning } };
  });
}

function refuseStanding(item: ProgramItem, name: string, user: SessionUser): void {
  if (item.hands.has(user.id)) throw new DeskFailure('FORBIDDEN', `Four-eyes: you keyed or changed ${name}, so another supervisor must decide it`, 'item');
  const s = item.standing.status;
  if (s === 'withdrawn') throw new DeskFailure('CONFLICT', `${name} was corrected by a later election: decide the correction instead`, 'item');
  if (s === 'rejected') throw new DeskFailure('CONFLICT', `${name} is already rejected; nothing more can be decided on it`, 'item');
  if (item.standing.open.length === 0) throw new DeskFailure('CONFLICT', `${name} has no open deficiency to decide (it is ${STATUS_WORDS[s].toLowerCase()})`, 'item');
}

const words = (code: DeficiencyCode): string => `${deficiency(code).title} (${code})`;

/** The codes the decision covers: those chosen, each open on the item; a rejection with none chosen covers every open one. */
function chosenCodes(item: ProgramItem, input: DecideInput): DeficiencyCode[] {
  const open = item.standing.open;
  const chosen = [...new Set(input.codes)];
  if (chosen.length === 0) {
    if (input.decision === 'reject') return [...open];
    throw new DeskFailure('INVALID_INPUT', 'Deficiencies: choose at least one open deficiency this decision covers', 'codes');
  }
  const notOpen = chosen.filter((c) => !open.includes(c));
  if (notOpen.length > 0) throw new DeskFailure('CONFLICT', `Deficiencies: ${notOpen.map(words).join(', ')} ${notOpen.length === 1 ? 'is' : 'are'} not open on this item`, 'codes');
  if (input.decision === 'waive') {
    const never = chosen.filter((c) => !deficiency(c).waivable);
    if (never.length > 0) throw new DeskFailure('INVALID_INPUT', `Deficiencies: ${never.map(words).join(', ')} can never be waived (${never.map((c) => deficiency(c).section).join(', ')}); reject the item or allow a cure`, 'codes');
  }
  return open.filter((c) => chosen.includes(c));
}

/** Refuses a cure date that is not ahead; warns of one past the offering's expiration. */
async function checkCureBy(r: ReadRepos, item: ProgramItem, cureBy: string | null, today: string): Promise<string | null> {
  if (cureBy === null) throw new DeskFailure('INVALID_INPUT', 'Cure by: a date is needed to allow a cure', 'cureBy');
  if (cureBy <= today) throw new DeskFailure('INVALID_INPUT', `Cure by: the date must be after today (${usDate(today)})`, 'cureBy');
  if (cureBy > addCalendarDays(today, CURE_HORIZON_DAYS)) throw new DeskFailure('INVALID_INPUT', `Cure by: at most ${CURE_HORIZON_DAYS} days ahead (${usDate(addCalendarDays(today, CURE_HORIZON_DAYS))})`, 'cureBy');
  if (!item.certificate) return null;
  const terms = (await r.terms.history(item.certificate.programId)).at(-1)?.terms as RightsOfferingTerms | undefined;
  if (!terms) return null;
  const expires = instantToWallTime(expiresAtFor(terms, item.certificate.class), terms.timeZone).slice(0, 10);
  return cureBy > expires ? `The cure date ${usDate(cureBy)} is after the offering's expiration (${usDate(expires)}): the exercise stays pending past expiration until the cure arrives or the date passes (§11)` : null;
}

const usDate = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/** The item's good funds (§6a): the verdict's for an election; an order's payments summed by the same rule. */
export function goodFundsOf(item: ProgramItem): string {
  if (item.verdict) return item.verdict.goodFunds;
  const payments = item.payments.map((p) => ({ method: (p.payment.method === 'dtc' ? 'wire' : p.payment.method) as PaymentMethod, amount: p.applied, status: paymentStatus(p.events) }));
  return formatCents(summarizeFunds(payments).good);
}

async function scheduleRefund(tx: WriteRepos, item: ProgramItem, decisionId: number, at: string, by: number): Promise<{ scheduledRefundId: number; amount: string } | null> {
  const amount = goodFundsOf(item);
  if (centsOf(amount) === 0) return null;
  const row = { programId: item.election?.programId ?? item.order!.programId, decisionId, electionId: item.election?.id ?? null, oddLotOrderId: item.order?.id ?? null, amount, scheduledAt: at, scheduledBy: by };
  return { scheduledRefundId: await tx.supervision.insert('scheduled_refunds', row), amount };
}

/** The last instant anything came in for the item, as the standing counts arrivals. */
export function lastArrivalOf(item: ProgramItem): string {
  const keyed = item.election?.keyedAt ?? item.order!.keyedAt;
  const arrivals = item.election ? [keyed, ...item.payments.flatMap((p) => [p.payment.keyedAt, ...p.events.map((v) => v.at)])] : [keyed];
  return arrivals.reduce((a, b) => (b > a ? b : a), '');
}

function standingAfter(item: ProgramItem, decision: SupervisionRecord<'decisions'>, today: string) {
  return standingOf({ codes: (item.verdict?.deficiencies ?? []).map((d) => d.code), decisions: [...item.decisions, decision], withdrawn: false, today, lastArrivalAt: lastArrivalOf(item) });
}
