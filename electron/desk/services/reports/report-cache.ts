/**
 * One drawing of a program's items serves every report asked while the book stands still: the
 * Reports area asks for the daily report, the final report and the holder listing at once, then
 * prints or exports — each would read and judge every election again. A source is kept per
 * journal head and New York day (cure dates and cover periods move with the day); any change to
 * the book moves the head, so nothing stale is ever served. The moment drawn is the caller's.
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import type { BookStore, ReadRepos } from '../../store/port';
import { readReportSource, type ReportSource } from './report-source';

const KEPT_PER_STORE = 4;
const kept = new WeakMap<BookStore, Map<string, ReportSource>>();

/** Runs `body` in one snapshot with the program's report source as of that snapshot's journal head. */
export function withReportSource<T>(store: BookStore, programId: number, asOf: Date, body: (r: ReadRepos, source: ReportSource) => Promise<T> | T): Promise<T> {
  return store.read(async (r) => {
    const head = await r.journal.head();
    const key = `${programId}:${head?.seq ?? 0}:${head?.hash ?? ''}:${instantToWallTime(asOf.getTime()).slice(0, 10)}`;
    const sources = kept.get(store) ?? new Map<string, ReportSource>();
    kept.set(store, sources);
    let source = sources.get(key);
    if (!source) {
      source = await readReportSource(r, programId, asOf);
      if (sources.size >= KEPT_PER_STORE) sources.delete(sources.keys().next().value!);
      sources.set(key, source);
    }
    return body(r, { ...source, asOf });
  });
}
