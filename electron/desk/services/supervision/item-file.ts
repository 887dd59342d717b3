/**
 * One item opened for a supervisor: what was keyed (as keyed), the verdict with each deficiency
 * in words, its payments with their clearance, its envelope, the elections it corrects, the
 * decisions on it and its full history from the journal. TINs never appear: the file shows the
 * registration and account only.
 */
import type { DeficiencyCode } from '../../../../shared/domain';
import type { DecisionView, ItemFileView } from '../../../../shared/ipc/queue';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, ReadRepos } from '../../store/port';
import { keyedFactsSchema } from '../intake/assess';
import { itemHistory } from './item-history';
import { readOneItem } from './item-one';
import type { ItemRef, ProgramItem } from './program-items';
import { DECISION_WORDS, ITEM_WORDS, STATUS_WORDS } from './queue-words';

type Line = { readonly label: string; readonly value: string };

export async function openItem(store: BookStore, user: SessionUser, programId: number, ref: ItemRef, now: Date): Promise<ItemFileView> {
  return store.read(async (r) => {
    const item = await readOneItem(r, programId, ref, now);
    if (!item) throw new DeskFailure('NOT_FOUND', `There is no such ${ref.kind === 'election' ? 'election' : 'odd-lot order'} in this program`, 'item');
    const names = new Map((await r.users.list()).map((u) => [u.id, u.displayName]));
    const entryId = item.certificate?.entryId ?? item.order!.entryId;
    const [entry] = await r.register.entriesByIds([entryId]);
    const batch = await r.intake.byId('mail_batches', item.envelope.batchId);
    const s = item.standing;
    const state = (code: DeficiencyCode) => (s.waived.includes(code) ? 'waived' : s.cured.includes(code) ? 'cured' : 'open') as 'open' | 'waived' | 'cured';
    const v = item.verdict;
    return {
      ref: item.ref, itemWords: `${ITEM_WORDS[item.kind]} ${item.ref.id}`, status: s.status, statusWords: STATUS_WORDS[s.status], cureBy: s.cureBy,
      certificate: item.certificate?.number ?? '', account: item.certificate?.account ?? item.order!.account,
      holder: entry ? entry.registration.filter((l) => l !== '') : [],
      keyed: keyedLines(item),
      deficiencies: (v?.deficiencies ?? []).map((d) => ({ code: d.code, title: d.title, description: d.description, waivable: d.waivable, state: state(d.code) })),
      funds: v ? { good: v.goodFunds, pending: v.pendingFunds, returned: v.returnedFunds, cost: v.cost, due: v.due } : null,
      payments: item.payments.map((p) => ({
        id: p.payment.id, method: p.payment.method, amount: p.payment.amount, applied: p.applied, checkNumber: p.payment.checkNumber, payer: p.payment.payer, keyedAt: p.payment.keyedAt,
        events: p.events.map((e) => ({ kind: e.kind, businessDate: e.businessDate, reason: e.reason, at: e.at })),
      })),
      envelope: { id: item.envelope.id, seq: item.envelope.seq, batch: batch?.label ?? `Batch ${item.envelope.batchId}`, batchId: item.envelope.batchId, stamped: item.envelope.stampedLocal, source: item.envelope.source },
      corrects: item.corrects,
      decisions: item.decisions.map((d) => decisionView(d, names)),
      history: await historyOf(r, item),
      keyedBy: names.get(item.election?.keyedBy ?? item.order!.keyedBy) ?? '',
      yourHands: item.hands.has(user.id),
    };
  });
}

const historyOf = async (r: ReadRepos, item: ProgramItem) => (await itemHistory(r, item)).map((e) => ({ ...e }));

function decisionView(d: ProgramItem['decisions'][number], names: ReadonlyMap<number, string>): DecisionView {
  const codes = Array.isArray(d.codes) ? d.codes.filter((c): c is string => typeof c === 'string') : [];
  return { id: d.id, kind: d.kind, words: DECISION_WORDS[d.kind] ?? d.kind, codes, cureBy: d.cureBy, reason: d.reason, decidedAt: d.decidedAt, decidedBy: names.get(d.decidedBy) ?? `user ${d.decidedBy}`, electionId: d.electionId };
}

const yesNo = (b: boolean | undefined): string => (b === undefined ? '—' : b ? 'Yes' : 'No');

/** What was keyed, in the order the form (or instruction, or order) asks it. */
export function keyedLines(item: ProgramItem): Line[] {
  if (item.order) {
    const o = item.order;
    return [
      { label: 'Account', value: o.account }, { label: 'Action', value: o.action }, { label: 'Shares', value: String(o.shares) },
      { label: 'Ordered at', value: o.orderedAt }, { label: 'Order price', value: o.orderPrice ?? '—' },
    ];
  }
  const e = item.election!;
  const parsed = keyedFactsSchema.safeParse(e.facts);
  const f = parsed.success ? parsed.data : { signed: false };
  const shares: Line[] = [
    { label: 'Basic shares', value: e.basicShares === null ? 'not written (all rights)' : String(e.basicShares) },
    { label: 'Oversubscription shares', value: String(e.oversubscriptionShares) },
  ];
  if (e.kind === 'dtc') {
    return [
      { label: 'VOI number', value: e.voiNumber ?? '—' }, { label: 'Participant', value: `${e.participantNumber ?? ''} ${e.participantName ?? ''}`.trim() },
      { label: 'Rights surrendered', value: String(e.rightsSurrendered ?? 0) }, ...shares,
      { label: 'Nominee Holder Certification', value: yesNo(f.nomineeCertified) }, { label: 'Settled', value: yesNo(f.settled) },
    ];
  }
  return [
    ...shares,
    { label: 'Signed', value: yesNo(f.signed) }, { label: 'Signature matches the registration', value: yesNo(f.signatureMatchesRegistration) },
    { label: 'All joint holders signed', value: yesNo(f.allJointHoldersSigned) }, { label: 'Signed as fiduciary', value: yesNo(f.signedAsFiduciary) },
    { label: 'Capacity', value: f.capacity ?? '' }, { label: 'Evidence of authority', value: yesNo(f.fiduciaryEvidence) },
    { label: 'Deliver to another name or address', value: yesNo(f.deliverToOtherNameOrAddress) }, { label: 'Medallion guarantee', value: yesNo(f.medallionGuarantee) },
    { label: 'Foreign holder instruction', value: yesNo(f.foreignInstruction) }, { label: 'Tax form on file', value: yesNo(f.taxFormOnFile) },
    { label: 'Guaranteed delivery', value: yesNo(f.guaranteedDelivery) },
  ];
}
