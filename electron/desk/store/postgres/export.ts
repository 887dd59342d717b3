import { Kysely, sql } from 'kysely';
import { jobCancelled } from '../../workers/run-job';
import { checkCopyInWorker, moveIntoPlace, prepareDestination, removeTemporary } from '../sqlite/backup';
import { openConnection } from '../sqlite/open';
import { migrate } from '../sqlite/migrate';
import { createPrivate, removeQuietly, temporarySibling } from '../files';
import type { BackupCopy, JobControl, JobProgress } from '../port';
import type { BookTables } from '../tables';
import { searchRepo } from '../repos/search';
import { cachedSqliteDialect } from '../sqlite/dialect';

/** Rows copied per round trip: one slice's SQLite insert stays well under 50 ms of main's time. */
const SLICE = 5_000;

/** Tables in foreign-key order, each with the column that orders it. */
const TABLES = [
  ['users', 'id'],
  ['programs', 'id'],
  ['program_terms', 'id'],
  ['holders', 'id'],
  ['holder_events', 'id'],
  ['sign_in_failures', 'id'],
  ['tin_keys', 'id'],
  ['import_layouts', 'id'],
  ['register_imports', 'id'],
  ['register_entries', 'id'],
  ['certificate_issues', 'id'],
  ['certificates', 'id'],
  ['certificate_events', 'id'],
  ['terms_amendments', 'id'],
  ['mail_batches', 'id'],
  ['envelopes', 'id'],
  ['batch_closings', 'id'],
  ['elections', 'id'],
  ['election_reversals', 'id'],
  ['nominee_certification_lines', 'id'],
  ['guaranteed_deliveries', 'id'],
  ['guaranteed_delivery_covers', 'id'],
  ['odd_lot_orders', 'id'],
  ['payments', 'id'],
  ['payment_allocations', 'id'],
  ['bank_layouts', 'id'],
  ['bank_files', 'id'],
  ['payment_events', 'id'],
  ['ledger_entries', 'id'],
  ['payment_reversals', 'id'],
  ['lost_settings', 'id'],
  ['lost_cases', 'id'],
  ['indemnity_bonds', 'id'],
  ['lost_case_events', 'id'],
  ['decisions', 'id'],
  ['scheduled_refunds', 'id'],
  ['letters', 'id'],
  ['journal', 'seq'],
] as const;

type Table = (typeof TABLES)[number][0];
type BookFile = ReturnType<typeof openConnection>;

/**
 * A backup of an office database: every table read in ONE snapshot (REPEATABLE READ) and written
 * into a new book file with the same schema, journal hashes and all. The copy is checked like
 * any book (integrity, identity, the whole chain) before it is moved into place, and it opens in
 * any desk. The server's own tools (pg_dump) remain the way to copy the database as such.
 *
 * The export stays on the main thread: it mostly waits on the network, and each slice's write to
 * the file is short. Its progress counts rows; cancelling stops it between slices (or ends the
 * checking worker) and removes the unfinished file.
 */
export async function exportToBookFile(
  db: Kysely<BookTables>,
  destination: string,
  options: { overwrite: boolean },
  control: JobControl<JobProgress> = {},
): Promise<BackupCopy> {
  const target = prepareDestination('', destination, options.overwrite);
  const temp = temporarySibling(target, 'backup');
  try {
    createPrivate(temp);
    const file = openConnection(temp);
    try {
      // The file is forced to disk once, after it is checked: no fsync per slice on main's time.
      file.pragma('synchronous = OFF');
      migrate(file, () => new Date());
      await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
        const progress = { done: 0, total: await countRows(tx) };
        for (const [table, order] of TABLES) await copyTable(tx, file, table, order, progress, control);
      });
      // The search index is derived from the records: built afresh in the copy.
      file.exec('BEGIN IMMEDIATE');
      await searchRepo(new Kysely<BookTables>({ dialect: cachedSqliteDialect(file) })).rebuild();
      file.exec('COMMIT');
      file.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      file.close();
    }
    // The checked file must be the whole book: no log beside it.
    removeQuietly(`${temp}-wal`);
    removeQuietly(`${temp}-shm`);
    return await moveIntoPlace(temp, target, await checkCopyInWorker(temp, control));
  } finally {
    removeTemporary(temp);
  }
}

async function countRows(tx: Kysely<BookTables>): Promise<number> {
  let total = 0;
  for (const [table] of TABLES) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(tx);
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
}

async function copyTable(
  tx: Kysely<BookTables>,
  file: BookFile,
  table: Table,
  order: string,
  progress: { done: number; total: number },
  control: JobControl<JobProgress>,
): Promise<void> {
  let after = 0;
  for (;;) {
    if (control.signal?.aborted === true) throw jobCancelled();
    // Table and column names come from the list above, never from input.
    const rows = (await tx
      .selectFrom(table)
      .selectAll()
      .where(order as never, '>', after as never)
      .orderBy(order as never)
      .limit(SLICE)
      .execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0] ?? {});
    const insert = file.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    file.transaction(() => {
      for (const row of rows) insert.run(...columns.map((c) => row[c] ?? null));
    })();
    progress.done += rows.length;
    control.onProgress?.({ done: progress.done, total: progress.total, unit: 'rows copied' });
    after = Number(rows[rows.length - 1]?.[order]);
    if (rows.length < SLICE) return;
  }
}
