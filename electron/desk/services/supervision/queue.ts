/**
 * The supervisor's queue (§11): every election, DTC instruction and odd-lot order still to be
 * acted on (open, cure arrived, cure lapsed), or — to look back — those of another status;
 * filtered by deficiency, age, batch and clerk; oldest receipt first; a window at a time.
 *
 * Age is counted in business days (the program's calendar, NYSE by default) from the date of the
 * envelope's receipt stamp to today in New York: 0 for mail stamped today.
 */
import type { QueueFilter, QueueListView, QueueRowView } from '../../../../shared/ipc/queue';
import { businessDaysBetween, type CalendarName } from '../../../../shared/domain/calendar';
import { instantToWallTime } from '../../../../shared/domain/time';
import type { BookStore, ReadRepos } from '../../store/port';
import { IN_QUEUE } from './item-status';
import { itemsCacheOf } from './items-cache';
import type { ProgramItemsReader } from './items-off-main';
import { itemKey, type ProgramItem } from './program-items';
import { ITEM_WORDS, STATUS_WORDS } from './queue-words';

const ENTRY_CHUNK = 500;

/** Whether the item's status is the one the filter asks for. */
function statusKept(item: ProgramItem, status: QueueFilter['status']): boolean {
  const s = item.standing.status;
  if (status === 'all') return true;
  if (status === 'in-queue') return IN_QUEUE.has(s);
  return s === status;
}

const keyedBy = (item: ProgramItem): number => item.election?.keyedBy ?? item.order!.keyedBy;

/** Oldest receipt stamp first; then the order keyed. */
const oldestFirst = (a: ProgramItem, b: ProgramItem): number =>
  a.envelope.stampedLocal < b.envelope.stampedLocal ? -1 : a.envelope.stampedLocal > b.envelope.stampedLocal ? 1 : a.ref.kind === b.ref.kind ? a.ref.id - b.ref.id : a.ref.kind === 'election' ? -1 : 1;

export interface AgeClock {
  readonly today: string;
  readonly calendar: CalendarName;
}

export const ageOf = (item: ProgramItem, clock: AgeClock): number => Math.max(0, businessDaysBetween(item.envelope.stampedLocal.slice(0, 10), clock.today, clock.calendar));

/** The items the filter keeps, oldest first. */
export function filterItems(items: readonly ProgramItem[], filter: QueueFilter, clock: AgeClock): ProgramItem[] {
  // Many items share a receipt date: each date's age is counted once.
  const ages = new Map<string, number>();
  const age = (item: ProgramItem) => {
    const date = item.envelope.stampedLocal.slice(0, 10);
    let days = ages.get(date);
    if (days === undefined) ages.set(date, (days = ageOf(item, clock)));
    return days;
  };
  return items
    .filter((i) => statusKept(i, filter.status))
    .filter((i) => filter.code === undefined || i.standing.open.includes(filter.code))
    .filter((i) => filter.batchId === undefined || i.envelope.batchId === filter.batchId)
    .filter((i) => filter.clerkId === undefined || keyedBy(i) === filter.clerkId)
    .filter((i) => filter.minAge === undefined || age(i) >= filter.minAge)
    .sort(oldestFirst);
}

export async function ageClockOf(r: ReadRepos, programId: number, now: Date): Promise<AgeClock> {
  const terms = (await r.terms.history(programId)).at(-1)?.terms as { readonly timeZone?: string; readonly businessDays?: string } | undefined;
  return { today: instantToWallTime(now.getTime(), terms?.timeZone).slice(0, 10), calendar: (terms?.businessDays ?? 'NYSE') as CalendarName };
}

export async function listQueue(store: BookStore, filter: QueueFilter, offset: number, limit: number, now: Date, read?: ProgramItemsReader): Promise<QueueListView> {
  const reading = await itemsCacheOf(store).items(store, filter.programId, now, read);
  return store.read(async (r) => {
    const clock = await ageClockOf(r, filter.programId, now);
    const kept = filterItems(reading.items.items, filter, clock);
    const page = kept.slice(offset, offset + limit);
    const [batches, users] = await Promise.all([r.intake.where('mail_batches', 'programId', filter.programId), r.users.list()]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const batchLabels = new Map(batches.map((b) => [b.id, b.label]));
    const holders = await holdersOf(r, page);
    const rows = page.map((item) => rowOf(item, { clock, names, batchLabels, holders }));
    const clerkIds = [...new Set(reading.items.items.map(keyedBy))];
    return {
      total: kept.length, offset, rows, drawnAtSeq: reading.headSeq,
      batches: batches.map((b) => ({ id: b.id, label: b.label })),
      clerks: clerkIds.map((id) => ({ id, name: names.get(id) ?? `user ${id}` })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

interface RowContext {
  readonly clock: AgeClock;
  readonly names: ReadonlyMap<number, string>;
  readonly batchLabels: ReadonlyMap<number, string>;
  readonly holders: ReadonlyMap<number, string>;
}

function rowOf(item: ProgramItem, c: RowContext): QueueRowView {
  const titles = new Map((item.verdict?.deficiencies ?? []).map((d) => [d.code, d.title]));
  return {
    key: itemKey(item.ref), ref: item.ref, itemWords: `${ITEM_WORDS[item.kind]} ${item.ref.id}`,
    certificate: item.certificate?.number ?? `Account ${item.order!.account}`,
    holder: c.holders.get(entryIdOf(item)) ?? '',
    batch: c.batchLabels.get(item.envelope.batchId) ?? `Batch ${item.envelope.batchId}`, batchId: item.envelope.batchId,
    received: item.envelope.stampedLocal, ageDays: ageOf(item, c.clock), clerk: c.names.get(keyedBy(item)) ?? '',
    open: item.standing.open.map((code) => ({ code, title: titles.get(code) ?? code })),
    status: item.standing.status, statusWords: STATUS_WORDS[item.standing.status], cureBy: item.standing.cureBy,
  };
}

const entryIdOf = (item: ProgramItem): number => item.certificate?.entryId ?? item.order!.entryId;

/** Registration line 1 of each item's register entry (only the window's: a few dozen). */
export async function holdersOf(r: ReadRepos, items: readonly ProgramItem[]): Promise<Map<number, string>> {
  const ids = [...new Set(items.map(entryIdOf))];
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += ENTRY_CHUNK) for (const e of await r.register.entriesByIds(ids.slice(i, i + ENTRY_CHUNK))) out.set(e.id, e.registration[0]);
  return out;
}

