/**
 * One drawing of a program's items serves every report asked while the book stands still: the
 * Reports area asks for the daily report, the final report and the holder listing at once, then
 * prints or exports — each would read and judge every election again. A source is kept per
 * journal head and New York day (cure dates and cover periods move with the day); any change to
 * the book moves the head, so nothing stale is ever served. The moment drawn is the caller's.
 *
 * The items are read through `read` (the desk passes the worker one, off main's thread) in a
 * snapshot of their own; they serve the body's snapshot only when both stand at the same journal
 * head, so the figures are still exactly the book at the entry a report names.
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import type { BookStore, JournalHead, ReadRepos } from '../../store/port';
import { readProgramItemsInProcess, sameHead, type ProgramItemsRead, type ProgramItemsReader } from '../supervision/items-off-main';
import { readProgramItems } from '../supervision/program-items';
import { reportItems } from './report-items';
import { rightsTermsOf, type ReportSource } from './report-source';

const KEPT_PER_STORE = 4;
/** Times the book may move between the items' snapshot and the body's before the body's own is read in process. */
const MAX_ATTEMPTS = 3;
const kept = new WeakMap<BookStore, Map<string, ReportSource>>();

const keyOf = (programId: number, head: JournalHead | null, asOf: Date): string => `${programId}:${head?.seq ?? 0}:${head?.hash ?? ''}:${instantToWallTime(asOf.getTime()).slice(0, 10)}`;

/** Runs `body` in one snapshot with the program's report source as of that snapshot's journal head. */
export async function withReportSource<T>(
  store: BookStore,
  programId: number,
  asOf: Date,
  body: (r: ReadRepos, source: ReportSource) => Promise<T> | T,
  read: ProgramItemsReader = readProgramItemsInProcess,
): Promise<T> {
  const sources = kept.get(store) ?? new Map<string, ReportSource>();
  kept.set(store, sources);
  let fresh: ProgramItemsRead | null = null;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= MAX_ATTEMPTS;
    const drawn = await store.read(async (r) => {
      const head = await r.journal.head();
      const key = keyOf(programId, head, asOf);
      let source = sources.get(key);
      if (!source) {
        // Refused in words (an odd-lot program, no terms) before any reading of items.
        const { program, terms } = await rightsTermsOf(r, programId);
        const items = fresh !== null && sameHead(fresh.head, head) ? fresh.items : last ? await readProgramItems(r, programId, asOf) : null;
        if (items === null) return null;
        source = { program, terms, items: reportItems(items, terms), head, asOf };
        if (sources.size >= KEPT_PER_STORE) sources.delete(sources.keys().next().value!);
        sources.set(key, source);
      }
      return { value: await body(r, { ...source, asOf }) };
    });
    if (drawn) return drawn.value;
    fresh = await read(store, programId, asOf);
  }
}
