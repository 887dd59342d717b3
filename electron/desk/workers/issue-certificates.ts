// Worker entry: the issue of a program's certificates (services/certificates.ts) on the worker's
// own connection to the same book, so that reading a million-entry register and writing its
// certificates in one change never holds up the main thread. A cancel unwinds the change
// (serveJob): it never commits, and the book is as it was.
import { issueCertificates, type IssueSummary } from '../services/certificates';
import { openStore } from '../store/open-store';
import type { JobProgress, JournalActor } from '../store/port';
import { serveJob } from './job-port';

export interface IssueCertificatesInput {
  /** The book's path, or its database URL with the password (BookStore.locationForWorkers). */
  readonly location: string;
  readonly actor: JournalActor;
  readonly programId: number;
}

serveJob<IssueCertificatesInput, IssueSummary, JobProgress>(async (input, progress, signal) => {
  // The book is open (and was checked as it opened) in main: this connection only joins it.
  const store = await openStore(input.location, { now: () => new Date(), mode: 'open', alreadyChecked: true });
  try {
    return await issueCertificates(store, input.actor, input.programId, { onProgress: progress, signal });
  } finally {
    await store.close();
  }
});
