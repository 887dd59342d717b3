/**
 * The program's items kept in main between requests: reading and assessing 100k elections takes
 * seconds, and a supervisor pages, filters and opens items many times between two changes.
 *
 * The reading is kept with the journal head it was read at. When the journal has moved, the
 * entries since are looked at: if each is a decision (its item is named in the payload) or an
 * action that changes no item (a sign-in, a letter or report printed, a TIN revealed), only the
 * decided items are read again, alone; anything else (a payment, a correction, an election keyed —
 * which can change other items' rights left) reads the whole program again. A new New York day
 * reads it again too (cures lapse), and so does a reading older than MAX_AGE_MS (a guaranteed
 * delivery's cover period ends at an hour of the day). An item opened or decided is always read
 * fresh, never from here.
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import type { BookStore, JournalEntry, ReadRepos } from '../../store/port';
import { readOneItem } from './item-one';
import { readProgramItemsInProcess, type ProgramItemsReader } from './items-off-main';
import { itemKey, type ItemRef, type ProgramItem, type ProgramItems } from './program-items';

const MAX_AGE_MS = 60 * 60_000;
/** More new entries than this: reading the whole program is as quick as looking at them. */
const MAX_PATCH_ENTRIES = 200;
/** Actions that change no item of any program. */
const NO_ITEM_CHANGE = /^(session\.|user\.|tin\.revealed$|journal\.exported$|book\.backedUp$|letter|report|batch\.reportPrinted$|batch\.confirmationsPrinted$|election\.confirmationPrinted$)/;

export interface ItemsReading {
  readonly items: ProgramItems;
  readonly headSeq: number;
  readonly headHash: string | null;
  readonly day: string;
  readonly readAt: number;
}

export class ItemsCache {
  private readonly readings = new Map<number, ItemsReading>();
  /** How many times a program was read whole, and how many times patched (the bench and the tests look). */
  reads = 0;
  patches = 0;

  /**
   * The program's items as of `now`, as cheaply as the changes since the last reading allow. A
   * whole reading goes through `read` (the desk passes the worker one: services/supervision/items-off-main.ts);
   * the reading is kept with the head of the snapshot it was read in.
   */
  async items(store: BookStore, programId: number, now: Date, read: ProgramItemsReader = readProgramItemsInProcess): Promise<ItemsReading> {
    const day = instantToWallTime(now.getTime()).slice(0, 10);
    const kept = this.readings.get(programId);
    if (kept && kept.day === day && now.getTime() - kept.readAt < MAX_AGE_MS) {
      const quick = await store.read(async (r) => {
        const head = await r.journal.head();
        if ((head?.seq ?? 0) === kept.headSeq && (head?.hash ?? null) === kept.headHash) return kept;
        const patched = await patch(r, programId, kept, head?.seq ?? 0, now);
        if (!patched) return null;
        this.patches += 1;
        return { ...patched, headHash: head?.hash ?? null };
      });
      if (quick) {
        this.readings.set(programId, quick);
        return quick;
      }
    }
    this.reads += 1;
    const { items, head } = await read(store, programId, now);
    const reading: ItemsReading = { items, headSeq: head?.seq ?? 0, headHash: head?.hash ?? null, day, readAt: now.getTime() };
    // A slow reading that ends after a later one was kept does not replace it.
    const latest = this.readings.get(programId);
    if (!latest || latest.headSeq <= reading.headSeq) this.readings.set(programId, reading);
    return reading;
  }
}

/** The kept reading with the decided items read again, or null when the new entries need a whole reading. */
async function patch(r: ReadRepos, programId: number, kept: ItemsReading, headSeq: number, now: Date): Promise<Omit<ItemsReading, 'headHash'> | null> {
  const count = headSeq - kept.headSeq;
  if (count <= 0 || count > MAX_PATCH_ENTRIES) return null;
  const entries = await r.journal.window({}, 0, count);
  if (entries.length !== count || entries.some((e) => e.seq <= kept.headSeq)) return null;
  const refs: ItemRef[] = [];
  for (const e of entries) {
    if (NO_ITEM_CHANGE.test(e.action)) continue;
    const ref = decidedItem(e);
    if (!ref) return null;
    if (decisionProgram(e) === programId) refs.push(ref);
  }
  const fresh = new Map<string, ProgramItem>();
  for (const ref of refs) {
    const item = await readOneItem(r, programId, ref, now);
    if (!item) return null;
    fresh.set(itemKey(ref), item);
  }
  const items = kept.items.items.map((i) => fresh.get(itemKey(i.ref)) ?? i);
  return { items: { items, byKey: new Map(items.map((i) => [itemKey(i.ref), i])) }, headSeq, day: kept.day, readAt: kept.readAt };
}

/** The item a decision entry names (services/supervision/decide.ts writes `item` in its payload). */
function decidedItem(e: JournalEntry): ItemRef | null {
  if (!e.action.startsWith('decision.')) return null;
  const item = (e.payload as { item?: { kind?: unknown; id?: unknown } } | null)?.item;
  if (!item || typeof item.id !== 'number') return null;
  if (item.kind === 'election' || item.kind === 'odd-lot-order') return { kind: item.kind, id: item.id };
  return null;
}

const decisionProgram = (e: JournalEntry): unknown => (e.payload as { programId?: unknown } | null)?.programId;

const caches = new WeakMap<BookStore, ItemsCache>();

/** The cache of one open book (a restore or another book gets a cache of its own). */
export function itemsCacheOf(store: BookStore): ItemsCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new ItemsCache()));
  return cache;
}
