import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobView, SessionUser } from '../../../shared/ipc/types';
import { backupBook, restoreFromBackup } from '../services/book';
import { openStore } from '../store/open-store';
import { SYSTEM_ACTOR, type BookHandle } from '../store/port';
import { growJournal } from '../testing/long-journal';
import { fakeClock, listDir, sha256File, tempDir } from '../testing/temp';
import { runJob, sourceWorkers, useWorkers, type JobName } from '../workers/run-job';
import { JobRegistry } from './registry';

const sue: SessionUser = { id: 2, username: 'sue', displayName: 'Sue', role: 'supervisor' };
let t: ReturnType<typeof tempDir>;
let book: BookHandle;
let jobs: JobRegistry;
let heard: JobView[];
let logged: unknown[];
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  t = tempDir();
  clock = fakeClock();
  book = { current: await openStore(t.file('office.book'), { now: clock.now }) };
  for (let i = 0; i < 3; i += 1) await book.current.change(SYSTEM_ACTOR, 'test.step', async () => ({ payload: { i }, result: null }));
  logged = [];
  jobs = new JobRegistry({ now: clock.now, unexpected: (error) => (logged.push(error), 'Something went wrong.') });
  heard = [];
  jobs.onJob((job) => heard.push(job));
});
afterEach(async () => {
  await jobs.cancelAll();
  await book.current.close();
  t.cleanup();
});

/**
 * Every file of the book's folder with its hash: the book, its write-ahead log, the rest. The
 * shared-memory index (-shm) by name only: it is SQLite's lock table, which every read updates.
 */
function snapshot(dir: string): Record<string, string> {
  const of = (name: string): string => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return 'folder';
    return name.endsWith('-shm') ? 'shm' : sha256File(file);
  };
  return Object.fromEntries(readdirSync(dir).map((name) => [name, of(name)]));
}

/** Cancels the job the moment its first progress report arrives: the worker is still at work then. */
function cancelOnFirstProgress(jobId: number): void {
  const off = jobs.onJob((job) => {
    if (job.jobId === jobId && job.progress !== null) {
      off();
      jobs.cancel(jobId);
    }
  });
}

describe('the job registry', () => {
  it('runs a backup: started at once, progress in pages, then done with the copy', async () => {
    const target = t.file('copy.book');
    const { jobId } = jobs.start('book.backup', sue, (job) => backupBook(book.current, sue, target, { overwrite: false }, job));
    expect(jobs.get(jobId)).toMatchObject({ state: 'running', kind: 'book.backup', label: 'Backing up the book', startedBy: 'sue', progress: null });
    const done = await jobs.whenFinished(jobId);
    expect(done).toMatchObject({ state: 'done', result: { path: target, bytes: expect.any(Number) as unknown }, finishedAt: clock.now().toISOString() });
    const mine = heard.filter((j) => j.jobId === jobId);
    expect(mine[0]?.state).toBe('running');
    expect(mine.some((j) => j.state === 'running' && j.progress?.unit === 'pages copied')).toBe(true);
    expect(mine.at(-1)).toEqual(done);
    expect(jobs.list()).toEqual([done]);
  });

  it('cancels a backup: the book and its folder are byte for byte as before, and no temporary file is left', async () => {
    await growJournal(book.current, 5_000);
    await book.current.checkpoint();
    mkdirSync(t.file('backups'));
    const before = snapshot(t.dir);
    const { jobId } = jobs.start('book.backup', sue, (job) => backupBook(book.current, sue, t.file('backups/copy.book'), { overwrite: false }, job));
    cancelOnFirstProgress(jobId);
    expect(await jobs.whenFinished(jobId)).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED', message: 'The job was cancelled.' } });
    expect(snapshot(t.dir)).toEqual(before);
    expect(listDir(t.file('backups'))).toEqual([]);
    expect(await book.current.read((r) => r.journal.count())).toBe(5_004);
  });

  it('cancels a restore before the swap: the open book is as it was', async () => {
    const backup = t.file('backups/monday.book');
    mkdirSync(path.dirname(backup));
    await backupBook(book.current, sue, backup, { overwrite: false });
    await book.current.change(SYSTEM_ACTOR, 'test.after', async () => ({ payload: {}, result: null }));
    const before = snapshot(t.dir);
    const open = book.current;
    const { jobId } = jobs.start('book.restore', sue, (job) => restoreFromBackup(book, sue, backup, clock.now, job));
    cancelOnFirstProgress(jobId);
    expect(await jobs.whenFinished(jobId)).toMatchObject({ state: 'cancelled' });
    expect(book.current).toBe(open);
    expect(book.current.isOpen).toBe(true);
    expect(snapshot(t.dir)).toEqual(before);
  });

  it('ends a failed job with a plain message: the desk\'s own words, or the log for the unexpected', async () => {
    const missing = jobs.start('book.backup', sue, (job) => backupBook(book.current, sue, t.file('no/such/x.book'), { overwrite: false }, job));
    expect(await jobs.whenFinished(missing.jobId)).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND', message: expect.stringMatching(/^The folder for the backup does not exist/) as unknown } });
    const broken = jobs.start('journal.verify', sue, () => Promise.reject(new TypeError('x is undefined')));
    expect(await jobs.whenFinished(broken.jobId)).toMatchObject({ state: 'failed', error: { code: 'INTERNAL', message: 'Something went wrong.' } });
    expect(logged).toHaveLength(1);
  });

  it('refuses a second job that holds the book while one runs, in words', async () => {
    let release = (): void => undefined;
    const gate = new Promise<null>((resolve) => (release = () => resolve(null)));
    const first = jobs.start('journal.verify', sue, () => gate);
    expect(() => jobs.start('book.backup', sue, async () => null)).toThrow(/already running \(Verifying the journal\)/);
    expect(() => jobs.checkCanStart('book.restore')).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as Error);
    release();
    await jobs.whenFinished(first.jobId);
    const second = jobs.start('book.backup', sue, async () => null);
    expect((await jobs.whenFinished(second.jobId)).state).toBe('done');
  });

  it('lets the starter, a supervisor or an administrator cancel, nobody else', async () => {
    const { jobId } = jobs.start('journal.verify', sue, (job) => new Promise((_resolve, reject) => job.signal.addEventListener('abort', () => reject(new Error('stopped')))));
    expect(() => jobs.cancel(jobId, { id: 3, mayCancelAny: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as Error);
    expect(jobs.get(jobId)?.state).toBe('running');
    jobs.cancel(jobId, { id: sue.id, mayCancelAny: false });
    expect(await jobs.whenFinished(jobId)).toMatchObject({ state: 'cancelled' });
    expect(() => jobs.cancel(999, { id: 1, mayCancelAny: true })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });

  it('pushes progress at most about ten times a second per job, keeping the latest figure', async () => {
    const { jobId } = jobs.start('journal.verify', sue, async (job) => {
      for (let done = 1; done <= 10_000; done += 1) job.onProgress({ done, total: 10_000 });
      return null;
    });
    const final = await jobs.whenFinished(jobId);
    expect(final.progress).toEqual({ done: 10_000, total: 10_000 });
    expect(heard.filter((j) => j.jobId === jobId).length).toBeLessThanOrEqual(4); // start, first report, end
  });

  it('lists newest first and forgets finished jobs after a while', async () => {
    const a = jobs.start('journal.verify', sue, async () => 1);
    await jobs.whenFinished(a.jobId);
    const b = jobs.start('journal.verify', null, async () => 2);
    await jobs.whenFinished(b.jobId);
    expect(jobs.list().map((j) => [j.jobId, j.startedBy])).toEqual([[b.jobId, null], [a.jobId, 'sue']]);
    clock.advanceMinutes(61);
    expect(jobs.list()).toEqual([]);
  });
});

describe('restore', () => {
  it('checks the chosen copy once: one worker reads it, and the swapped-in image is not checked again', async () => {
    const backup = t.file('monday.book');
    await backupBook(book.current, sue, backup, { overwrite: false });
    const launched: JobName[] = [];
    useWorkers((name) => {
      launched.push(name);
      return sourceWorkers(name);
    });
    try {
      await restoreFromBackup(book, sue, backup, clock.now);
    } finally {
      useWorkers(sourceWorkers);
    }
    expect(launched).toEqual(['restore-book']);
    expect(existsSync(`${book.current.location}.before-restore-${'20260302T140000Z'}`)).toBe(true);
    expect(await runJob('verify-journal', { location: book.current.location })).toMatchObject({ ok: true });
  });
});
