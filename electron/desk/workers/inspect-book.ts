// Worker entry: the check of an existing book file before it is opened (inspectBook: header,
// identity, PRAGMA integrity_check of the whole file), which takes seconds on a large book.
import type { JobProgress } from '../store/port';
import { inspectBook, type BookFacts } from '../store/sqlite/inspect';
import { serveJob } from './job-port';

export interface InspectBookInput {
  readonly file: string;
}

serveJob<InspectBookInput, BookFacts, JobProgress>(({ file }, progress) => {
  progress({ done: 0, total: 1, unit: 'checks' });
  return inspectBook(file);
});
