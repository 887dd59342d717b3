/**
 * The program's items kept in main between requests: reading and assessing 100k elections takes
 * seconds, and a supervisor pages, filters and opens items many times between two changes. The
 * reading is kept with the journal head it was read at and the New York day: any new entry (a
 * payment keyed, a decision) or a new day (cures lapse, cover periods pass) reads it again, and
 * so does a reading older than MAX_AGE_MS (a cover period can end at an hour of the day).
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import type { BookStore } from '../../store/port';
import { readProgramItems, type ProgramItems } from './program-items';

const MAX_AGE_MS = 5 * 60_000;

export interface ItemsReading {
  readonly items: ProgramItems;
  readonly headSeq: number;
  readonly headHash: string | null;
  readonly day: string;
  readonly readAt: number;
}

export class ItemsCache {
  private readonly readings = new Map<number, ItemsReading>();
  /** How many times the program was read whole (the bench and the tests look). */
  reads = 0;

  /** The program's items as of `now`, read again only when the journal moved, the day changed or the reading is old. */
  async items(store: BookStore, programId: number, now: Date): Promise<ItemsReading> {
    const head = await store.read((r) => r.journal.head());
    const day = instantToWallTime(now.getTime()).slice(0, 10);
    const kept = this.readings.get(programId);
    if (kept && kept.headSeq === (head?.seq ?? 0) && kept.headHash === (head?.hash ?? null) && kept.day === day && now.getTime() - kept.readAt < MAX_AGE_MS) return kept;
    // Head and items in one snapshot: the reading is exactly the book at that entry.
    const reading = await store.read(async (r) => {
      const at = await r.journal.head();
      return { items: await readProgramItems(r, programId, now), headSeq: at?.seq ?? 0, headHash: at?.hash ?? null, day, readAt: now.getTime() };
    });
    this.reads += 1;
    this.readings.set(programId, reading);
    return reading;
  }
}

const caches = new WeakMap<BookStore, ItemsCache>();

/** The cache of one open book (a restore or another book gets a cache of its own). */
export function itemsCacheOf(store: BookStore): ItemsCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new ItemsCache()));
  return cache;
}
