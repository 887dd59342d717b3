import path from 'node:path';
import type { BackupResult, BookInfo, SessionUser } from '../../../shared/ipc/types';
import { backupOpenBook } from '../store/backup';
import { fileStamp } from '../store/files';
import { restoreBook, type BookHandle } from '../store/restore';
import type { BookStore } from '../store/store';
import { actorOf } from './views';

export function bookInfo(store: BookStore): BookInfo {
  const db = store.connection;
  return {
    path: store.path,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    journalEntries: store.read((r) => r.journal.count()),
    sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
  };
}

/** A name to offer in the save dialog: the book's name with the instant, e.g. desk-backup-20261122T045000Z.book. */
export function suggestedBackupName(store: BookStore, at: Date): string {
  const base = path.basename(store.path, path.extname(store.path));
  return `${base}-backup-${fileStamp(at)}.book`;
}

/** Writes a verified copy, then journals it in the live book. */
export async function backupBook(store: BookStore, by: SessionUser, destination: string, options: { overwrite: boolean }): Promise<BackupResult> {
  const copy = await backupOpenBook(store, destination, options);
  store.change(actorOf(by), 'book.backedUp', () => ({
    payload: { path: copy.path, bytes: copy.bytes, journalEntriesInCopy: copy.journal.entries, copyJournalIntact: copy.journal.ok },
    result: null,
  }));
  return { path: copy.path, bytes: copy.bytes };
}

export function restoreFromBackup(handle: BookHandle, by: SessionUser, source: string, now: () => Date): BookInfo {
  restoreBook(
    handle,
    source,
    // The restored book may not know this user (or know them under another id): name them as they are there.
    (restored) => {
      const there = restored.read((r) => r.users.byUsername(by.username));
      return { id: there?.id ?? null, username: by.username };
    },
    now,
  );
  return bookInfo(handle.current);
}
