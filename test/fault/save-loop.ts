// A desk that saves until it is killed:
//   node --import tsx test/fault/save-loop.ts '<SaveLoopJob as JSON>'
// Opens the book (a file or a postgres:// URL), prints {"ready":true}, then saves one holder note
// after another — each one change that adds a holder event and appends its journal entry — and
// prints {"acked":ID} the moment each change resolves, before starting the next. It never stops
// by itself: the parent kills it with SIGKILL at a moment of its choosing.
import { openStore } from '../../electron/desk/store/open-store';
import type { JournalActor } from '../../electron/desk/store/port';
import { accountPicker, noteHolder } from '../../electron/desk/testing/save-client';

export interface SaveLoopJob {
  readonly url: string;
  readonly programId: number;
  readonly holders: number;
  readonly actor: JournalActor;
  readonly seed: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as SaveLoopJob;
  const store = await openStore(job.url, { now: () => new Date(), mode: 'open' });
  const pick = accountPicker(job.holders, job.seed);
  process.stdout.write('{"ready":true}\n');
  for (;;) {
    const id = await noteHolder(store, job.actor, job.programId, pick());
    // Synchronous on a pipe: once this returns, the parent can read it even if we die next.
    process.stdout.write(`{"acked":${id}}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
