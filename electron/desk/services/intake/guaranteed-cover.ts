/**
 * Where a Notice of Guaranteed Delivery stands (§5b): its certificates are due by 5:00 p.m. New
 * York time on its due date; covered once every one has arrived by then; not covered when the due
 * time passed without them, or one arrived after it. What the engine's
 * GUARANTEED_DELIVERY_NOT_COVERED is raised from.
 */
import { wallTimeToInstant, type RightsOfferingTerms } from '../../../../shared/domain';
import type { IntakeReader, IntakeRecord } from '../../store/port';

export type CoverState = 'awaiting' | 'covered' | 'not-covered';

export interface NoticeCover {
  readonly state: CoverState;
  /** The certificates (by id) that have arrived, each with its envelope's receipt instant. */
  readonly arrived: readonly { readonly certificateId: number; readonly receivedAt: string }[];
}

export const dueInstant = (dueDate: string, terms: Pick<RightsOfferingTerms, 'timeZone'>): number => wallTimeToInstant(`${dueDate}T17:00`, terms.timeZone);

export async function noticeCover(r: { readonly intake: IntakeReader }, notice: IntakeRecord<'guaranteed_deliveries'>, terms: Pick<RightsOfferingTerms, 'timeZone'>, asOf: Date): Promise<NoticeCover> {
  const due = dueInstant(notice.dueDate, terms);
  const arrived: { certificateId: number; receivedAt: string }[] = [];
  for (const cover of await r.intake.where('guaranteed_delivery_covers', 'noticeId', notice.id)) {
    const envelope = await r.intake.byId('envelopes', cover.envelopeId);
    arrived.push({ certificateId: cover.certificateId, receivedAt: envelope?.receivedAt ?? cover.keyedAt });
  }
  const late = arrived.some((a) => Date.parse(a.receivedAt) > due);
  // A cover is recorded only for a certificate the notice names, once each (UNIQUE): all came when there are as many.
  const all = arrived.length >= (notice.certificateNumbers as readonly string[]).length;
  const state: CoverState = late || (!all && asOf.getTime() > due) ? 'not-covered' : all ? 'covered' : 'awaiting';
  return { state, arrived };
}

/** The engine's fact for an election: true when its notice failed; false when it has none or is covered or still in time. */
export async function guaranteedDeliveryNotCovered(r: { readonly intake: IntakeReader }, electionId: number, terms: Pick<RightsOfferingTerms, 'timeZone'>, asOf: Date): Promise<boolean> {
  const [notice] = await r.intake.where('guaranteed_deliveries', 'electionId', electionId, 1);
  if (!notice) return false;
  return (await noticeCover(r, notice, terms, asOf)).state === 'not-covered';
}
