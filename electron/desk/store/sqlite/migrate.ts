import type { Database } from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, type Migration } from './schema';

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings a read-write connection up to SCHEMA_VERSION, one transaction per migration, so a
 * crash leaves the book at the last complete version. Returns where it started and ended.
 */
export function migrate(db: Database, now: () => Date, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  const from = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      // Inside the first migration's transaction, so a new book is never half-made.
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
      // Pragmas take no bound parameters; both values are integers we control.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
  return { from, to: db.pragma('user_version', { simple: true }) as number };
}
