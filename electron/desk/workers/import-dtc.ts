// Worker entry: a DTC instruction file (services/intake/dtc-import.ts) read, checked and written on
// the worker's own connection to the same book, so a large file never holds up the window. A
// cancel throws out of the change (serveJob): it never commits, and the book is as it was.
import type { DtcImportResult } from '../../../shared/ipc/intake-more';
import type { SessionUser } from '../../../shared/ipc/types';
import { importDtcFile } from '../services/intake/dtc-import';
import { openStore } from '../store/open-store';
import type { JobProgress } from '../store/port';
import { serveJob } from './job-port';

export interface ImportDtcInput {
  /** The book's path, or its database URL with the password (BookStore.locationForWorkers). */
  readonly location: string;
  readonly user: SessionUser;
  readonly envelopeId: number;
  /** The file main's open dialog chose. */
  readonly file: string;
}

serveJob<ImportDtcInput, DtcImportResult, JobProgress>(async (input, progress) => {
  // The book is open (and was checked as it opened) in main: this connection only joins it.
  const store = await openStore(input.location, { now: () => new Date(), mode: 'open', alreadyChecked: true });
  try {
    return await importDtcFile(store, input.user, input.envelopeId, input.file, { onProgress: progress });
  } finally {
    await store.close();
  }
});
