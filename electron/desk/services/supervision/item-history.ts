/**
 * An item's full history from the journal: every entry naming the item (its election, the
 * elections it corrects, its order) or one of its payments, oldest first. The journal's text
 * search narrows by `"electionId":N`; each entry found is then checked for that exact key and
 * number (so item 12 never picks up item 123).
 */
import { actionWords } from '../../../../shared/ipc/action-words';
import type { JournalEntry, JsonValue, ReadRepos } from '../../store/port';
import type { ProgramItem } from './program-items';

/** At most this many entries per key searched (an item has a handful). */
const PER_KEY = 200;

export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly username: string | null;
  readonly action: string;
  readonly words: string;
  readonly payload: unknown;
  readonly hash: string;
}

/** Whether `value` holds `key: id` anywhere inside it. */
export function names(value: JsonValue, key: string, id: number): boolean {
  if (Array.isArray(value)) return value.some((v) => names(v, key, id));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => (k === key && v === id) || names(v ?? null, key, id));
}

export async function itemHistory(r: ReadRepos, item: ProgramItem): Promise<HistoryEntry[]> {
  const keys: [string, number][] = [
    ...(item.election ? [item.election.id, ...item.corrects].map((id): [string, number] => ['electionId', id]) : [['orderId', item.order!.id] as [string, number]]),
    ...item.payments.map((p): [string, number] => ['paymentId', p.payment.id]),
  ];
  const programId = item.election?.programId ?? item.order!.programId;
  const found = new Map<number, JournalEntry>();
  for (const [key, id] of keys) {
    const entries = await r.journal.window({ programId, text: `"${key}":${id}` }, 0, PER_KEY);
    for (const e of entries) if (names(e.payload, key, id)) found.set(e.seq, e);
  }
  return [...found.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ seq: e.seq, at: e.at, username: e.username, action: e.action, words: actionWords(e.action), payload: e.payload, hash: e.hash }));
}
