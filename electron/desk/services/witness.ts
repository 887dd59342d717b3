/**
 * Witnessed heads: each workstation keeps the highest journal head it has seen of each book (in
 * its preferences, keyed by the book's location without password). A book whose journal is
 * behind it, or whose entry at the witnessed number has another hash, was cut back or rewritten
 * since — which no chain walk can see, because a cut-back journal is still a sound chain.
 *
 * The desk warns rather than refuses: refusing would lock the office out of its own book at the
 * moment it has to be examined, and a restore from an older backup is a legitimate reason for it.
 * The warning cannot be missed: it is journaled in the book itself (`book.headBehind`, with both
 * heads, where Audit and every later verify show it), logged on this workstation, and returned to
 * whoever opened the book. The witness then follows the book, so the same finding is journaled
 * once; should the warning entry itself be cut away, the next opening here finds it again.
 */
import type { PrefsStore, WitnessedHead } from '../prefs/prefs';
import { SYSTEM_ACTOR, type BookStore, type JournalHead } from '../store/port';

export interface HeadWarning {
  readonly kind: 'behind' | 'rewritten';
  readonly witnessed: WitnessedHead;
  readonly current: JournalHead | null;
  readonly message: string;
}

/** Compares the book with what this workstation witnessed; journals and returns a warning when it is behind. */
export async function witnessOpening(store: BookStore, prefs: PrefsStore): Promise<HeadWarning | null> {
  const witnessed = prefs.getWitnessedHead(store.location);
  const current = (await store.info()).head;
  const warning = witnessed ? await compare(store, witnessed, current) : null;
  if (warning) {
    await store.change(SYSTEM_ACTOR, 'book.headBehind', async () => ({
      payload: { kind: warning.kind, witnessed: { seq: witnessed?.seq, hash: witnessed?.hash }, current: current && { seq: current.seq, hash: current.hash } },
      result: null,
    }));
  }
  const now = (await store.info()).head;
  if (now) await prefs.witnessHead(store.location, now, { replace: warning !== null });
  return warning;
}

/** Raises this workstation's witness to the book's head (after changes, a backup, at closing). */
export async function witnessHead(store: BookStore, prefs: PrefsStore, options: { replace?: boolean } = {}): Promise<void> {
  const head = (await store.info()).head;
  if (head) await prefs.witnessHead(store.location, head, options);
}

async function compare(store: BookStore, witnessed: WitnessedHead, current: JournalHead | null): Promise<HeadWarning | null> {
  const shown = (h: JournalHead | null) => (h ? `#${h.seq} ${h.hash}` : 'an empty journal');
  if (current === null || current.seq < witnessed.seq) {
    return {
      kind: 'behind',
      witnessed,
      current,
      message: `The book's journal ends at ${shown(current)}, behind ${shown(witnessed)} which this workstation saw: entries were removed or an older copy was put in its place. Tell a supervisor before going on.`,
    };
  }
  const [entry] = await store.read((r) => r.journal.list({ beforeSeq: witnessed.seq + 1, limit: 1 }));
  if (entry?.seq === witnessed.seq && entry.hash === witnessed.hash) return null;
  return {
    kind: 'rewritten',
    witnessed,
    current,
    message: `The book's journal entry #${witnessed.seq} is not the one this workstation saw (${witnessed.hash}): the journal was rewritten from there on. Tell a supervisor before going on.`,
  };
}
