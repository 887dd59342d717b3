/**
 * The mail log (issue point 1): a clerk opens a batch for a receipt date, then stamps each
 * envelope with the time received — New York time as stamped on the envelope, never the machine
 * clock — and how many items it holds. Every keyed item belongs to a batch and an envelope.
 */
import { instantToWallTime, isIsoDate, resolveWallTime, toUtcIso } from '../../../../shared/domain';
import type { BatchView, EnvelopeSource, EnvelopeView } from '../../../../shared/ipc/intake-forms';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, JournalActor, ReadRepos } from '../../store/port';
import { batchById, batchesOf, closingOf, electionsOfBatch, envelopesOf, oddLotOrdersOfBatch } from './reads';

/** Intake rows name a signed-in user: the mail log is never written from the command line. */
export function userId(by: JournalActor): number {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Sign in to key the mail: every item names the clerk who keyed it');
  return by.id;
}

const noBatch = () => new DeskFailure('NOT_FOUND', 'There is no such batch in this book', 'batchId');

/** The date in New York at an instant: what "today" means for a receipt date. */
export const newYorkDate = (now: Date): string => instantToWallTime(now.getTime()).slice(0, 10);

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const usStamp = (wall: string) => `${usDate(wall.slice(0, 10))} ${wall.slice(11, 16)}`;

async function programOf(r: ReadRepos, programId: number) {
  const program = await r.programs.byId(programId);
  if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  return program;
}

/** Opens a batch of mail for a receipt date (not later than today in New York). */
export async function openBatch(store: BookStore, by: JournalActor, input: { programId: number; receiptDate: string; label?: string | undefined }, now: Date): Promise<BatchView> {
  if (!isIsoDate(input.receiptDate)) throw new DeskFailure('INVALID_INPUT', 'Receipt date: type a real date, e.g. 12/08/2003', 'receiptDate');
  const today = newYorkDate(now);
  if (input.receiptDate > today) throw new DeskFailure('INVALID_INPUT', `Receipt date: ${usDate(input.receiptDate)} is after today (${usDate(today)} in New York); mail is logged on the day it came`, 'receiptDate');
  return store.change(by, 'intake.batchOpened', async (tx, at) => {
    const program = await programOf(tx, input.programId);
    const sameDay = (await batchesOf(tx, program.id)).filter((b) => b.receiptDate === input.receiptDate).length;
    const label = input.label?.trim() || `Mail ${usDate(input.receiptDate)} #${sameDay + 1}`;
    const batchId = await tx.intake.insert('mail_batches', { programId: program.id, receiptDate: input.receiptDate, label, openedAt: at, openedBy: userId(by) });
    const view: BatchView = { id: batchId, programId: program.id, receiptDate: input.receiptDate, label, openedAt: at, openedBy: by.username ?? '', closed: false, envelopes: 0, itemsExpected: 0, itemsKeyed: 0 };
    return { payload: { batchId, programId: program.id, cusip: program.cusip, receiptDate: input.receiptDate, label }, result: view };
  });
}

/**
 * The instant of a keyed stamp, or a refusal naming the field: a time the clocks skip in New York
 * (spring forward) cannot be stamped; a stamp after the batch's receipt date, or after now, is
 * impossible. A time that occurs twice (fall back) is taken at its first occurrence.
 */
export function stampInstant(stampedLocal: string, receiptDate: string, now: Date): number {
  const field = 'stampedLocal';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(stampedLocal) || !isIsoDate(stampedLocal.slice(0, 10))) throw new DeskFailure('INVALID_INPUT', 'Time stamped: type the date and time on the stamp, e.g. 12/08/2003 16:59', field);
  const [hh, mm] = [Number(stampedLocal.slice(11, 13)), Number(stampedLocal.slice(14, 16))];
  if (hh > 23 || mm > 59) throw new DeskFailure('INVALID_INPUT', `Time stamped: ${stampedLocal.slice(11, 16)} is not a time of day (00:00 to 23:59)`, field);
  if (stampedLocal.slice(0, 10) > receiptDate) throw new DeskFailure('INVALID_INPUT', `Time stamped: ${usStamp(stampedLocal)} is after the batch's receipt date ${usDate(receiptDate)}; open a batch for that day`, field);
  const r = resolveWallTime(stampedLocal);
  if (r.kind === 'nonexistent') throw new DeskFailure('INVALID_INPUT', `Time stamped: ${usStamp(stampedLocal)} does not exist in New York (clocks move forward that night)`, field);
  const instant = r.kind === 'unique' ? r.instant : r.earlier;
  if (instant > now.getTime()) throw new DeskFailure('INVALID_INPUT', `Time stamped: ${usStamp(stampedLocal)} is later than now in New York; key the time on the stamp`, field);
  return instant;
}

export interface NewEnvelopeInput {
  readonly batchId: number;
  readonly stampedLocal: string;
  readonly source: EnvelopeSource;
  readonly itemCount: number;
}

/** Adds an envelope to an open batch, numbered in the order stamped in. */
export async function addEnvelope(store: BookStore, by: JournalActor, input: NewEnvelopeInput, now: Date): Promise<EnvelopeView> {
  return store.change(by, 'intake.envelopeStamped', async (tx, at) => {
    await tx.intake.holdBatch(input.batchId); // a close meanwhile counts this envelope, or refuses it
    const batch = await batchById(tx, input.batchId);
    if (!batch) throw noBatch();
    if (await closingOf(tx, batch.id)) throw new DeskFailure('CONFLICT', `Batch ${batch.label} is closed: open a new batch for more mail`, 'batchId');
    const receivedAt = toUtcIso(stampInstant(input.stampedLocal, batch.receiptDate, now));
    const seq = (await envelopesOf(tx, batch.id)).length + 1;
    const envelopeId = await tx.intake.insert('envelopes', { batchId: batch.id, seq, source: input.source, stampedLocal: input.stampedLocal, receivedAt, itemCount: input.itemCount, createdAt: at, createdBy: userId(by) });
    const view: EnvelopeView = { id: envelopeId, batchId: batch.id, seq, source: input.source, stampedLocal: input.stampedLocal, receivedAt, itemCount: input.itemCount, itemsKeyed: 0 };
    return { payload: { batchId: batch.id, envelopeId, seq, source: input.source, stampedLocal: input.stampedLocal, receivedAt, itemCount: input.itemCount }, result: view };
  });
}

/** Items keyed so far per envelope of a batch (elections and odd-lot orders alike). */
async function keyedByEnvelope(r: ReadRepos, batchId: number): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const e of await electionsOfBatch(r, batchId)) counts.set(e.envelopeId, (counts.get(e.envelopeId) ?? 0) + 1);
  for (const o of await oddLotOrdersOfBatch(r, batchId)) counts.set(o.envelopeId, (counts.get(o.envelopeId) ?? 0) + 1);
  return counts;
}

/** A program's batches, newest receipt date first, with their counts so far. */
export function listBatches(store: BookStore, programId: number): Promise<BatchView[]> {
  return store.read(async (r) => {
    await programOf(r, programId);
    const users = new Map<number, string>();
    const nameOf = async (id: number) => {
      if (!users.has(id)) users.set(id, (await r.users.byId(id))?.username ?? `user ${id}`);
      return users.get(id)!;
    };
    const views: BatchView[] = [];
    for (const b of await batchesOf(r, programId)) {
      const envelopes = await envelopesOf(r, b.id);
      const keyed = await keyedByEnvelope(r, b.id);
      views.push({
        id: b.id,
        programId,
        receiptDate: b.receiptDate,
        label: b.label,
        openedAt: b.openedAt,
        openedBy: await nameOf(b.openedBy),
        closed: (await closingOf(r, b.id)) !== undefined,
        envelopes: envelopes.length,
        itemsExpected: envelopes.reduce((n, e) => n + e.itemCount, 0),
        itemsKeyed: [...keyed.values()].reduce((n, k) => n + k, 0),
      });
    }
    return views.sort((a, b) => (a.receiptDate === b.receiptDate ? b.id - a.id : a.receiptDate < b.receiptDate ? 1 : -1));
  });
}

/** A batch's envelopes in the order stamped, with the items keyed from each. */
export function listEnvelopes(store: BookStore, batchId: number): Promise<EnvelopeView[]> {
  return store.read(async (r) => {
    const batch = await batchById(r, batchId);
    if (!batch) throw noBatch();
    const keyed = await keyedByEnvelope(r, batchId);
    return (await envelopesOf(r, batchId)).map((e) => ({ id: e.id, batchId, seq: e.seq, source: e.source, stampedLocal: e.stampedLocal, receivedAt: e.receivedAt, itemCount: e.itemCount, itemsKeyed: keyed.get(e.id) ?? 0 }));
  });
}
