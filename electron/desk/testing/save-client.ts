// One desk in its own process, for the concurrency test and the PostgreSQL bench:
//   node --import tsx electron/desk/testing/save-client.ts '<ClientJob as JSON>'
// It opens its own store on the URL (its own pool, its own LISTEN connection), prints
// {"ready":true} and then waits for its orders on stdin, so that a parent can start many at the
// same instant:
//  - 'saves': on the line "go", makes `saves` saves one after another — a save is one change that
//    looks a holder up by account, adds a holder event and appends its journal entry — then prints
//    one line {"acked":[event ids], "failures":[messages], "ms":…} and exits.
//  - 'claim': each line is a CUSIP; creates a program with it through the service, as a clerk
//    would, and prints {"cusip","won":true,"id"} or {"cusip","won":false,"code","message"}. Exits
//    when stdin ends.
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DeskFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import { createProgram } from '../services/programs';
import { openStore } from '../store/open-store';
import type { BookStore, JournalActor } from '../store/port';

export type ClientJob =
  | {
      readonly mode: 'saves';
      readonly url: string;
      readonly saves: number;
      readonly programId: number;
      /** The program's holders are accounts `holderAccount(0 … holders-1)`. */
      readonly holders: number;
      readonly actor: JournalActor;
      /** Picks which accounts this client notes (each client its own sequence). */
      readonly seed: number;
    }
  | { readonly mode: 'claim'; readonly url: string; readonly user: SessionUser };

export interface SavesReport {
  readonly acked: number[];
  readonly failures: string[];
  readonly ms: number;
  /** This process's own CPU time (user + system) over the saves. */
  readonly cpuMs: number;
}

export interface ClaimReport {
  readonly cusip: string;
  readonly won: boolean;
  readonly id?: number;
  readonly code?: string;
  readonly message?: string;
}

/** The account numbers the bench and the test load holders under. */
export const holderAccount = (i: number): string => `AC${String(i).padStart(8, '0')}`;

/** xorshift32 over [0, count): the same accounts for the same seed. */
export function accountPicker(count: number, seed: number): () => string {
  let x = seed >>> 0 || 2463534242;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return holderAccount((x >>> 0) % count);
  };
}

/** The save both the bench and the test measure: returns the new holder event's id. */
export function noteHolder(store: BookStore, actor: JournalActor, programId: number, account: string): Promise<number> {
  return store.change(actor, 'holder.noted', async (tx, at) => {
    const holder = await tx.holders.byAccount(programId, account);
    if (!holder) throw new Error(`no holder ${account}`);
    const eventId = await tx.holders.addEvent({ holderId: holder.id, at, kind: 'note', note: 'Called about the rights certificate', createdBy: actor.id });
    return { payload: { holderId: holder.id, account, after: { eventId } }, result: eventId };
  });
}

const say = (line: object): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

async function runSaves(store: BookStore, job: Extract<ClientJob, { mode: 'saves' }>, lines: AsyncIterator<string>): Promise<void> {
  for (;;) {
    const next = await lines.next();
    if (next.done === true) return;
    if (next.value.trim() === 'go') break;
  }
  const pick = accountPicker(job.holders, job.seed);
  const acked: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < job.saves; i += 1) {
    try {
      acked.push(await noteHolder(store, job.actor, job.programId, pick()));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  const used = process.cpuUsage(cpu);
  say({ acked, failures, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 } satisfies SavesReport);
}

async function runClaims(store: BookStore, job: Extract<ClientJob, { mode: 'claim' }>, lines: AsyncIterator<string>): Promise<void> {
  for (;;) {
    const next = await lines.next();
    if (next.done === true) return;
    const cusip = next.value.trim();
    if (cusip === '') continue;
    try {
      const program = await createProgram(store, job.user, { kind: 'rights-offering', name: `Claimed by ${process.pid}`, issuer: 'Race Inc.', cusip, recordDate: '2026-03-02' });
      say({ cusip, won: true, id: program.id } satisfies ClaimReport);
    } catch (error) {
      say({ cusip, won: false, code: error instanceof DeskFailure ? error.code : 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) } satisfies ClaimReport);
    }
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as ClientJob;
  const store = await openStore(job.url, { now: () => new Date(), mode: 'open' });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
  try {
    say({ ready: true });
    if (job.mode === 'saves') await runSaves(store, job, lines);
    else await runClaims(store, job, lines);
  } finally {
    await store.close();
    process.stdin.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The parent's side

/** A client process started by `startClient`. */
export interface ClientProcess {
  /** Resolves once its store is open and it waits for orders. */
  readonly ready: Promise<void>;
  /** Its next line of output, parsed. */
  next<T>(): Promise<T>;
  send(line: string): void;
  /** Ends its stdin (a claim client then closes its store and exits). */
  end(): void;
  /** Resolves when it has exited with 0; rejects with its stderr otherwise. */
  readonly exited: Promise<void>;
  kill(): void;
}

const SELF = fileURLToPath(import.meta.url);

export function startClient(job: ClientJob): ClientProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`save client exited with ${code ?? signal}:\n${stderr}`))));
  });
  exited.catch(() => undefined); // read by whoever awaits it; never an unhandled rejection
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const line = await lines.next();
    if (line.done === true) {
      await exited; // its own failure, with its stderr, if it failed
      throw new Error(`save client ended without answering:\n${stderr}`);
    }
    return JSON.parse(line.value) as T;
  };
  return {
    ready: next<{ ready: boolean }>().then(() => undefined),
    next,
    send: (line) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

// Only as a program of its own: the bench and the test import the rest.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(SELF)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
