import type { Kysely } from 'kysely';
import { finish, prepareDestination } from '../sqlite/backup';
import { openConnection } from '../sqlite/open';
import { migrate } from '../sqlite/migrate';
import { removeQuietly, temporarySibling } from '../files';
import type { BackupCopy } from '../port';
import type { BookTables } from '../tables';

/** Rows copied per round trip. */
const SLICE = 5_000;

/** Tables in foreign-key order, each with the column that orders it. */
const TABLES = [
  ['users', 'id'],
  ['programs', 'id'],
  ['program_terms', 'id'],
  ['holders', 'id'],
  ['holder_events', 'id'],
  ['journal', 'seq'],
] as const;

/**
 * A backup of an office database: every table read in ONE snapshot (REPEATABLE READ) and written
 * into a new book file with the same schema, journal hashes and all. The copy is checked like
 * any book (integrity, identity, the whole chain) before it is moved into place, and it opens in
 * any desk. The server's own tools (pg_dump) remain the way to copy the database as such.
 */
export async function exportToBookFile(db: Kysely<BookTables>, destination: string, options: { overwrite: boolean }): Promise<BackupCopy> {
  const target = prepareDestination('', destination, options.overwrite);
  const temp = temporarySibling(target, 'backup');
  try {
    const file = openConnection(temp);
    try {
      migrate(file, () => new Date());
      await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
        for (const [table, order] of TABLES) await copyTable(tx, file, table, order);
      });
      file.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      file.close();
    }
    removeQuietly(`${temp}-wal`);
    removeQuietly(`${temp}-shm`);
    return await finish(temp, target);
  } finally {
    removeQuietly(temp);
    removeQuietly(`${temp}-wal`);
    removeQuietly(`${temp}-shm`);
  }
}

async function copyTable(tx: Kysely<BookTables>, file: ReturnType<typeof openConnection>, table: (typeof TABLES)[number][0], order: string): Promise<void> {
  let after = 0;
  for (;;) {
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
    after = Number(rows[rows.length - 1]?.[order]);
    if (rows.length < SLICE) return;
  }
}
