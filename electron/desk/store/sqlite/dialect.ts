import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Kysely's SQLite dialect over one better-sqlite3 connection, with one difference: prepared
 * statements are kept by their SQL text and reused. Kysely's own driver prepares every query
 * afresh, which costs more than the query itself on a clerk's save. The store serializes all
 * use of the connection, so one statement is never run by two callers at once.
 */
export function cachedSqliteDialect(db: Database.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new CachedSqliteDriver(db),
    createIntrospector: (k: Kysely<unknown>) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/** Prepared statements kept at most; a book's queries number in the dozens. */
const MAX_STATEMENTS = 500;

class CachedSqliteDriver implements Driver {
  private readonly connection: CachedSqliteConnection;

  constructor(private readonly db: Database.Database) {
    this.connection = new CachedSqliteConnection(db);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  // Transactions are begun by the store itself (BEGIN IMMEDIATE for a change), never through Kysely.
  async beginTransaction(): Promise<void> {
    throw new Error('Transactions on the book are begun by the store, not by the query layer');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

class CachedSqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.statement(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(...parameters);
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The book reads in slices (keyset pages), never through a stream');
  }
}
