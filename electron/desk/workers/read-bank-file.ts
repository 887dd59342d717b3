// Worker entry: a bank clearance file (services/payments/bank-clearance.ts) read, matched and
// applied on the worker's own connection to the same book, so a large file (up to 64 MiB) never
// holds up the window while it is parsed. A cancel throws out of the change: nothing is applied.
import type { BankFileReport } from '../../../shared/ipc/payments';
import type { SessionUser } from '../../../shared/ipc/types';
import { applyBankFile, type BankFileInput } from '../services/payments/bank-clearance';
import { openStore } from '../store/open-store';
import type { JobProgress } from '../store/port';
import { serveJob } from './job-port';

export interface ReadBankFileInput {
  /** The book's path, or its database URL with the password (BookStore.locationForWorkers). */
  readonly location: string;
  readonly user: SessionUser;
  readonly work: BankFileInput;
}

serveJob<ReadBankFileInput, BankFileReport, JobProgress>(async (input, progress, signal) => {
  // The book is open (and was checked as it opened) in main: this connection only joins it.
  const store = await openStore(input.location, { now: () => new Date(), mode: 'open', alreadyChecked: true });
  try {
    return await applyBankFile(store, input.user, input.work, { onProgress: progress, signal });
  } finally {
    await store.close();
  }
});
