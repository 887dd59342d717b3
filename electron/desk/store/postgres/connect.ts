import pg from 'pg';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { TlsMode } from '../../../../shared/ipc/schemas';

/** True when a book location names an office database rather than a file. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The URL as it may be shown and logged: the password never. */
export function redactUrl(url: string): string {
  if (!isPostgresUrl(url)) return url; // a file's path says nothing secret
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(an address that cannot be read)';
  }
}

export function databaseRefused(url: string, reason: string): DeskFailure {
  return new DeskFailure('BOOK_REFUSED', `The office database ${redactUrl(url)} was refused: ${reason}. Nothing was changed in it.`);
}

/**
 * The server ended the connection (a restart, an administrator's pg_terminate_backend, a network
 * that dropped it): SQLSTATE class 08 and 57P, and pg's and Node's words for a socket gone.
 */
export function isLostConnection(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code.startsWith('08') || code.startsWith('57P') || code === 'ECONNRESET' || code === 'EPIPE') return true;
  const message = error instanceof Error ? error.message : '';
  return /^Connection terminated|connection error and is not queryable/.test(message);
}

/**
 * A change whose connection was lost. It was not confirmed: had the commit itself reached the
 * server, the change is in the book; otherwise nothing of it is. Saving again at once could
 * record it twice, so the words say to look first.
 */
export function lostDuringChange(url: string): DeskFailure {
  return new DeskFailure('BOOK_REFUSED', `The office database ${redactUrl(url)} ended the connection before confirming this save (a restart, or an administrator). Look at the book to see whether it was saved before saving again.`);
}

/** int8 (counts, journal sequence numbers) as a JS number, refusing any that would lose digits. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`A whole number too large to hold exactly: ${text}`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Connection settings for every connection the desk makes; the URL carries host, database, user
 * and sslmode. The TLS mode is applied here rather than left to the URL parser, so that each mode
 * means what PostgreSQL's own clients mean by it: disable (no TLS), require (encrypted, the
 * server's certificate not checked), verify-full (encrypted, certificate and host name checked).
 */
export function clientConfig(url: string): pg.ClientConfig {
  const base = { types, application_name: 'Offering Desk', connectionTimeoutMillis: 10_000 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ...base, connectionString: url };
  }
  const mode = parsed.searchParams.get('sslmode');
  parsed.searchParams.delete('sslmode');
  const connectionString = parsed.toString();
  if (mode === null || mode === 'disable') return { ...base, connectionString, ssl: false };
  if (mode === 'verify-full') return { ...base, connectionString, ssl: { rejectUnauthorized: true, servername: parsed.hostname } };
  return { ...base, connectionString, ssl: { rejectUnauthorized: false } };
}

export function newPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(url), max, idleTimeoutMillis: 30_000 });
  // An idle connection that the server ends (a restart, an administrator) is simply dropped by the
  // pool; without a listener Node would treat that as a crash. Work in progress fails on its own.
  pool.on('error', () => undefined);
  // The pool listens to a connection only while it is idle: one checked out for a change, between
  // two of its queries, would raise the server's ending of it as an uncaught error, a crash of
  // main. Each connection listens for itself; the change's next query (or its commit) fails, it
  // rolls back, and the pool drops the connection when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** A connection of its own, connected; a failure to connect is refused in words (BOOK_REFUSED). */
export async function connectClient(url: string): Promise<pg.Client> {
  const client = newClient(url);
  try {
    await client.connect();
  } catch (error) {
    throw connectionProblem(url, error);
  }
  return client;
}

/** One connection of its own (migrations, LISTEN, a worker's chain walk); its failures reach its queries. */
export function newClient(url: string): pg.Client {
  const client = new pg.Client(clientConfig(url));
  client.on('error', () => undefined);
  return client;
}

/** A connection failure in words (no stack, no password). */
export function connectionProblem(url: string, error: unknown): DeskFailure {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ECONNREFUSED: 'nothing answers at that host and port',
    ENOTFOUND: 'that host name is unknown',
    ETIMEDOUT: 'the server did not answer in time',
    '28P01': 'the user name or password was not accepted',
    '28000': 'this user may not connect to that database',
    '3D000': 'that database does not exist',
  };
  const reason = words[code] ?? (error instanceof Error ? error.message.split('\n')[0] ?? 'it could not be reached' : 'it could not be reached');
  return databaseRefused(url, reason);
}


/** An office database as a clerk names it in the connect form (the password is kept apart). */
export interface OfficeDatabase {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly tls: TlsMode;
}

/** The connection URL for an office database; every part escaped. */
export function officeDatabaseUrl(db: OfficeDatabase, password: string): string {
  const credentials = `${encodeURIComponent(db.user)}${password === '' ? '' : `:${encodeURIComponent(password)}`}`;
  const host = db.host.includes(':') ? `[${db.host}]` : db.host; // an IPv6 address
  return `postgres://${credentials}@${host}:${db.port}/${encodeURIComponent(db.database)}?sslmode=${db.tls}`;
}
