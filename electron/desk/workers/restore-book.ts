// Worker entry: checks the backup chosen for a restore — once — and writes that checked image to
// a temporary sibling of the book, forced to disk. Main then swaps it in (restoreSqliteBook).
import { writeDurably } from '../store/files';
import type { JobProgress } from '../store/port';
import { withCheckedBook } from '../store/sqlite/inspect';
import { serveJob } from './job-port';

export interface RestoreBookInput {
  readonly source: string;
  readonly temp: string;
}

export interface RestoreBookOutput {
  readonly bytes: number;
}

serveJob<RestoreBookInput, RestoreBookOutput, JobProgress>(({ source, temp }, progress) => {
  progress({ done: 0, total: 2, unit: 'steps' });
  // The image written is the very image that was checked: the source is read once.
  const image = withCheckedBook(source, (db) => db.serialize());
  progress({ done: 1, total: 2, unit: 'steps' });
  writeDurably(temp, image);
  return { bytes: image.length };
});
