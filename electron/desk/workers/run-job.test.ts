import Database from 'better-sqlite3';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/ipc/result';
import type { VerifyProgress } from '../store/journal-chain';
import { openStore } from '../store/open-store';
import { SYSTEM_ACTOR, type BookStore } from '../store/port';
import { growJournal } from '../testing/long-journal';
import { tempDir } from '../testing/temp';
import type { FeedFixtureInput } from '../testing/feed-fixture';
import type { FixtureInput } from '../testing/worker-fixture';
import { verifyBookJournal } from '../services/journal';
import { runWorker, sourceWorkers, type JobOptions, type WorkerLaunch } from './run-job';
import { JOB_THREAD_NICE } from './thread-priority';

const fixture: WorkerLaunch = { file: new URL('../testing/worker-fixture.ts', import.meta.url), execArgv: sourceWorkers('verify-journal').execArgv };
const run = (input: FixtureInput, options: JobOptions<number> = {}) => runWorker<FixtureInput, number, number>(fixture, input, options);

describe('runWorker', () => {
  it('returns the worker’s result and passes its progress on', async () => {
    const seen: number[] = [];
    expect(await run({ do: 'echo', value: 21 }, { onProgress: (p) => seen.push(p as number) })).toBe(42);
    expect(seen).toEqual([1, 2, 3]);
  });

  it.runIf(process.platform === 'linux')('runs a job’s thread below the window’s priority, and this thread stays as it was', async () => {
    const mine = os.getPriority(0);
    expect(await run({ do: 'nice' })).toBe(Math.max(mine, JOB_THREAD_NICE));
    expect(JOB_THREAD_NICE).toBeGreaterThan(0);
    expect(os.getPriority(0)).toBe(mine);
  });

  it('turns an error in the worker into a rejection with a plain message, no stack', async () => {
    const error = await run({ do: 'throw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('The background job failed: the disk is on fire');
    expect((error as Error).stack).not.toMatch(/\bat /);
  });

  it('rejects when the worker ends without an answer', async () => {
    await expect(run({ do: 'exit' })).rejects.toThrow(/stopped unexpectedly \(exit code 3\)/);
  });

  it('cancels through an AbortSignal: the busy worker stops at its next report, and the promise rejects with CANCELLED', async () => {
    const controller = new AbortController();
    const job = run({ do: 'spin' }, { signal: controller.signal, onProgress: () => controller.abort(), graceMs: 60_000 });
    const started = Date.now();
    const error = await job.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskFailure);
    expect((error as DeskFailure).code).toBe('CANCELLED');
    // It ended by itself, long before the last resort of a terminate.
    expect(Date.now() - started).toBeLessThan(30_000);
    // The promise settles only once the thread has exited, so nothing is left running.
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort')).toEqual([]);
  });

  it('answers done when the worker had finished its work as the cancel came: the outcome is the worker’s', async () => {
    const controller = new AbortController();
    expect(await run({ do: 'finish-anyway' }, { signal: controller.signal, onProgress: () => controller.abort() })).toBe(7);
    expect(controller.signal.aborted).toBe(true);
  });

  it('terminates a cancelled worker that never reports again, once its grace has passed', async () => {
    const controller = new AbortController();
    const job = run({ do: 'stuck' }, { signal: controller.signal, onProgress: () => controller.abort(), graceMs: 200 });
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort')).toEqual([]);
  });

  it('refuses to start when the signal is already aborted', async () => {
    await expect(run({ do: 'echo', value: 1 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

const fedFixture: WorkerLaunch = { file: new URL('../testing/feed-fixture.ts', import.meta.url), execArgv: fixture.execArgv };

describe('a fed worker (serveFeed)', () => {
  it('takes its inputs one at a time from the feed, telling it what became of each', async () => {
    const heard: (number | undefined)[] = [];
    const items = [1, 2, 3];
    const sums: number[] = [];
    const sum = await runWorker<FeedFixtureInput, number, number, number, number>(fedFixture, { do: 'double' }, {
      feed: async (finished) => {
        heard.push(finished);
        return items.shift();
      },
      onProgress: (p) => sums.push(p),
    });
    expect(sum).toBe(12);
    expect(heard).toEqual([undefined, 2, 4, 6]);
    expect(sums).toEqual([2, 6, 12]);
  });

  it('fails with the feed’s own error when the feed fails, and the worker is stopped', async () => {
    let asked = 0;
    const job = runWorker<FeedFixtureInput, number, number, number, number>(fedFixture, { do: 'double' }, {
      feed: async () => {
        asked += 1;
        if (asked === 2) throw new DeskFailure('CONFLICT', 'b.pdf already exists');
        return 5;
      },
    });
    await expect(job).rejects.toMatchObject({ code: 'CONFLICT', message: 'b.pdf already exists' });
    expect(asked).toBe(2);
  });

  it('is cancelled while it waits for its next input', async () => {
    const controller = new AbortController();
    const job = runWorker<FeedFixtureInput, number, number, number, number>(fedFixture, { do: 'double' }, {
      signal: controller.signal,
      graceMs: 60_000,
      feed: (finished) => {
        if (finished === undefined) return Promise.resolve(1);
        controller.abort();
        return new Promise<number | undefined>(() => undefined); // never answered
      },
    });
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('answers a worker’s ask with none left when the job is given no feed', async () => {
    expect(await runWorker<FeedFixtureInput, number>(fedFixture, { do: 'double' })).toBe(0);
  });

  it('refuses a second ask before the first is answered', async () => {
    await expect(runWorker<FeedFixtureInput, number, number, number, number>(fedFixture, { do: 'ask-twice' }, { feed: async () => undefined })).rejects.toThrow('next() asked again before its answer came');
  });
});

describe('the journal verification worker', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: BookStore;
  beforeEach(async () => {
    dir = tempDir();
    store = await openStore(dir.file('office.book'), { now: () => new Date('2026-03-02T10:00:00.000Z') });
    for (let i = 0; i < 4; i += 1) await store.change(SYSTEM_ACTOR, 'test.step', async () => ({ payload: { i }, result: null }));
  });
  afterEach(async () => {
    await store.close();
    dir.cleanup();
  });

  it('verifies a sound book on its own connection while the main one stays open', async () => {
    expect(await verifyBookJournal(store)).toEqual({ ok: true, entries: 5 });
  });

  it('names the tampered entry in a tampered book', async () => {
    const raw = new Database(store.location);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare(`UPDATE journal SET payload = '{"i":99}' WHERE seq = 3`).run();
    raw.close();
    expect(await verifyBookJournal(store)).toEqual({ ok: false, entries: 5, firstBroken: { seq: 3, reason: 'hash does not match its content' } });
  });

  it('reports progress every 10,000 entries on a long journal', async () => {
    await growJournal(store, 20_500);
    const seen: VerifyProgress[] = [];
    expect(await verifyBookJournal(store, { onProgress: (p) => seen.push(p) })).toEqual({ ok: true, entries: 20_505 });
    expect(seen).toEqual([
      { done: 10_000, total: 20_505 },
      { done: 20_000, total: 20_505 },
      { done: 20_505, total: 20_505 },
    ]);
  });

  it('can be cancelled: the walk stops with CANCELLED', async () => {
    await growJournal(store, 20_000);
    const controller = new AbortController();
    const job = verifyBookJournal(store, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED', message: 'The job was cancelled.' });
  });

  it('survives many cancels in the middle of its reads: the process is never aborted', async () => {
    await growJournal(store, 30_000);
    for (let round = 0; round < 12; round += 1) {
      const controller = new AbortController();
      const job = verifyBookJournal(store, { signal: controller.signal, onProgress: () => controller.abort() });
      await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
    }
    expect(await verifyBookJournal(store)).toEqual({ ok: true, entries: 30_005 });
  });

  it('gives a plain message when the book cannot be opened', async () => {
    dir.cleanup();
    const error = await verifyBookJournal(store).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^The background job failed: /);
  });
});
