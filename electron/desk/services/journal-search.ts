/**
 * The audit trail for people: the journal filtered by user, program, item, action and New York
 * dates, a window at a time for the grid; its actions in words; and a CSV export of what a
 * filter keeps, written a slice at a time into the file main's dialog chose.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { addCalendarDays, instantToWallTime, toUtcIso, wallTimeToInstant } from '../../../shared/domain';
import { actionWords } from '../../../shared/ipc/action-words';
import type { JournalActionView, JournalExportView, JournalFilterRead, JournalSearchView } from '../../../shared/ipc/audit';
import type { JournalEntryView } from '../../../shared/ipc/types';
import type { BookStore, JournalActor, JournalEntry, JournalFilter } from '../store/port';
import { csvLine } from './mailing-list';

/** Entries read per step of an export. */
const EXPORT_SLICE = 1_000;

/** The store's filter: New York calendar days become the instants they begin and end at. */
export function storeFilter(f: JournalFilterRead, timeZone = 'America/New_York'): JournalFilter {
  const startOf = (date: string) => toUtcIso(wallTimeToInstant(`${date}T00:00`, timeZone));
  return {
    username: f.username,
    programId: f.programId,
    text: f.text,
    action: f.action,
    from: f.fromDate === undefined ? undefined : startOf(f.fromDate),
    to: f.toDate === undefined ? undefined : startOf(addCalendarDays(f.toDate, 1)),
  };
}

const view = (e: JournalEntry): JournalEntryView => ({ seq: e.seq, at: e.at, username: e.username, action: e.action, payload: e.payload, hash: e.hash });

export async function searchJournal(store: BookStore, filter: JournalFilterRead, offset: number, limit: number): Promise<JournalSearchView> {
  const f = storeFilter(filter);
  return store.read(async (r) => {
    const [total, entries] = await Promise.all([r.journal.countWhere(f), r.journal.window(f, offset, limit)]);
    return { total, offset, rows: entries.map(view) };
  });
}

export async function journalActions(store: BookStore): Promise<JournalActionView[]> {
  const actions = await store.read((r) => r.journal.actions());
  return actions.map((a) => ({ action: a.action, words: actionWords(a.action), entries: a.entries })).sort((a, b) => a.words.localeCompare(b.words));
}

const HEADER = ['Entry', 'When (New York)', 'When (UTC)', 'User', 'What', 'Action', 'Details', 'Hash'];

function exportRow(e: JournalEntry): string[] {
  return [String(e.seq), instantToWallTime(Date.parse(e.at)).replace('T', ' '), e.at, e.username ?? 'system', actionWords(e.action), e.action, JSON.stringify(e.payload), e.hash];
}

/**
 * Writes what the filter keeps, newest first, into `file` (which main's dialog chose and asked
 * about before replacing), then journals the export: the journal leaving the book is on record.
 */
export async function exportJournal(store: BookStore, by: JournalActor, filter: JournalFilterRead, file: string): Promise<JournalExportView> {
  const f = storeFilter(filter);
  const handle = await open(file, 'w', 0o600);
  let entries = 0;
  try {
    await handle.write(csvLine(HEADER));
    // Paged back from the newest entry at the start: entries committed meanwhile stay out.
    let beforeSeq = ((await store.read((r) => r.journal.head()))?.seq ?? 0) + 1;
    for (;;) {
      const slice = await store.read((r) => r.journal.window({ ...f, beforeSeq }, 0, EXPORT_SLICE));
      if (slice.length === 0) break;
      await handle.write(slice.map((e) => csvLine(exportRow(e))).join(''));
      entries += slice.length;
      beforeSeq = slice[slice.length - 1]!.seq;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  const fileName = path.basename(file);
  await store.change(by, 'journal.exported', async () => ({ payload: { fileName, entries, filter: { ...filter } }, result: null }));
  return { fileName, entries };
}
