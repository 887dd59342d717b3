import path from 'node:path';
import type { BackupResult, BookInfo, SessionUser } from '../../../shared/ipc/types';
import { fileStamp } from '../store/files';
import { restoreStore } from '../store/open-store';
import type { BookHandle, BookStore, JobControl, JobProgress } from '../store/port';
import { actorOf } from './views';

export async function bookInfo(store: BookStore): Promise<BookInfo> {
  const info = await store.info();
  return { kind: info.kind, path: info.location, schemaVersion: info.schemaVersion, journalEntries: info.journalEntries, engine: info.engine, head: info.head };
}

/** A name to offer in the save dialog: the book's name with the instant, e.g. desk-backup-20261122T045000Z.book. */
export function suggestedBackupName(store: BookStore, at: Date): string {
  const base = store.kind === 'postgres' ? databaseName(store.location) : path.basename(store.location, path.extname(store.location));
  return `${base}-backup-${fileStamp(at)}.book`;
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')).replace(/[^A-Za-z0-9_-]/g, '_') || 'office';
  } catch {
    return 'office';
  }
}

/**
 * Writes a verified copy, then journals it in the live book. A cancel stops the copy and leaves
 * nothing behind; once the copy is in place it is journaled whatever happens.
 */
export async function backupBook(
  store: BookStore,
  by: SessionUser,
  destination: string,
  options: { overwrite: boolean },
  control: JobControl<JobProgress> = {},
): Promise<BackupResult> {
  const copy = await store.backup(destination, options, control);
  await store.change(actorOf(by), 'book.backedUp', async () => ({
    payload: { path: copy.path, bytes: copy.bytes, journalEntriesInCopy: copy.journal.entries, copyJournalIntact: copy.journal.ok, copyHead: copy.head && { seq: copy.head.seq, hash: copy.head.hash } },
    result: null,
  }));
  return { path: copy.path, bytes: copy.bytes, head: copy.head && { seq: copy.head.seq, hash: copy.head.hash } };
}

export async function restoreFromBackup(handle: BookHandle, by: SessionUser, source: string, now: () => Date, control: JobControl<JobProgress> = {}): Promise<BookInfo> {
  await restoreStore(
    handle,
    source,
    // The restored book may not know this user (or know them under another id): name them as they are there.
    async (restored) => {
      const there = await restored.read((r) => r.users.byUsername(by.username));
      return { id: there?.id ?? null, username: by.username };
    },
    now,
    control,
  );
  return bookInfo(handle.current);
}
