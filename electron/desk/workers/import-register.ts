// Worker entry: a register import (services/register-import.ts) on the worker's own connection
// to the same book, so that parsing, checking and encrypting a million rows never hold up the
// main thread. Main resolved the TIN key (the keychain lives there) and hands it over in memory.
// A cancel unwinds the change (serveJob): it never commits, and the book is as it was.
import { DeskFailure } from '../../../shared/ipc/result';
import { RegisterFileError } from '../importers/file-bytes';
import { TinVault, type BookTinKey } from '../security/tin-vault';
import { importRegister, type RegisterImportInput, type RegisterImportOutcome } from '../services/register-import';
import { openStore } from '../store/open-store';
import type { JobProgress, JournalActor, TinKeyRecord } from '../store/port';
import { serveJob } from './job-port';

export interface ImportRegisterInput {
  /** The book's path, or its database URL with the password (BookStore.locationForWorkers). */
  readonly location: string;
  readonly actor: JournalActor;
  readonly import: RegisterImportInput;
  /** The book's key as main resolved it; null when the book's TINs are locked here. */
  readonly key: { readonly keyId: string; readonly key: string; readonly record: TinKeyRecord; readonly isNew: boolean } | null;
  readonly lockedReason: string;
}

serveJob<ImportRegisterInput, RegisterImportOutcome, JobProgress>(async (input, progress, signal) => {
  // The book is open (and was checked as it opened) in main: this connection only joins it.
  const store = await openStore(input.location, { now: () => new Date(), mode: 'open', alreadyChecked: true, bulk: true });
  try {
    const key: BookTinKey = input.key
      ? { state: 'ready', vault: TinVault.fromExported(input.key.keyId, input.key.key), record: input.key.record, isNew: input.key.isNew }
      : { state: 'locked', keyId: null, reason: input.lockedReason };
    return await importRegister(store, input.actor, input.import, key, { onProgress: progress, signal });
  } catch (error) {
    // A file that cannot be read as its layout says is the user's to fix: its words, as a desk failure.
    if (error instanceof RegisterFileError) throw new DeskFailure('INVALID_INPUT', error.message, 'file');
    throw error;
  } finally {
    await store.close();
  }
});
