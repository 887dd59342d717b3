import { mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import type { JobProgress } from '../store/port';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { finishedJob } from '../testing/job-harness';
import { listDir } from '../testing/temp';

let f: DeskFixture;
beforeEach(async () => {
  f = await staffedDesk();
});
afterEach(async () => f.close());

describe('jobs.list', () => {
  it('lists the jobs of this desk newest first, the check of the book as it opened among them', async () => {
    await f.signInAs('sue');
    const verify = await finishedJob(f, 'journal.verify');
    const list = await f.value('jobs.list');
    expect(list[0]).toEqual(verify);
    expect(verify).toMatchObject({ kind: 'journal.verify', label: 'Verifying the journal', state: 'done', startedBy: 'sue', result: { ok: true, entries: 5 } });
    expect(list.at(-1)).toMatchObject({ kind: 'book.open', label: 'Checking the book', state: 'done', startedBy: null });
    await f.signInAs('carl');
    expect((await f.value('jobs.list')).map((j) => j.jobId)).toEqual(list.map((j) => j.jobId)); // any signed-in user sees the status bar
  });
});

describe('Desk.onJob', () => {
  it('hears a backup start, report its progress and end, as plain data', async () => {
    const heard: JobView[] = [];
    const off = f.desk.onJob((job) => heard.push(job));
    const done = await finishedJob(f, 'book.backup', f.chooseSave(f.dir.file('pushed.book')));
    off();
    expect(heard[0]).toMatchObject({ jobId: done.jobId, state: 'running', progress: null, startedBy: 'ada' });
    expect(heard.some((j) => j.state === 'running' && j.progress?.unit === (f.storeKind === 'sqlite' ? 'pages copied' : 'rows copied'))).toBe(true);
    expect(heard.at(-1)).toEqual(done);
    expect(done).toMatchObject({ state: 'done', result: { path: f.dir.file('pushed.book') } });
    expect(JSON.parse(JSON.stringify(heard))).toEqual(heard);
  });
});

describe('jobs.cancel', () => {
  it('is for the starter, a supervisor or an administrator; a clerk may not stop someone else\'s job', async () => {
    await f.signInAs('sue');
    const { jobId } = await f.value('journal.verify');
    await f.signInAs('carl');
    const refusal = await f.refused('jobs.cancel', { jobId }, 'FORBIDDEN');
    expect(refusal.message).toMatch(/Only the person who started this job/);
    await f.signInAs('ada');
    const answered = await f.value('jobs.cancel', { jobId });
    expect(answered.jobId).toBe(jobId);
    expect(['cancelled', 'done']).toContain((await f.desk.whenFinished(jobId)).state); // it may have finished first
  });

  it('names an unknown job and refuses a malformed id', async () => {
    await f.refused('jobs.cancel', { jobId: 999 }, 'NOT_FOUND');
    await f.refused('jobs.cancel', { jobId: 'x' }, 'INVALID_INPUT', 'jobId');
    await f.refused('jobs.cancel', { jobId: 1, extra: true }, 'INVALID_INPUT');
  });
});

describe('a cancelled backup', () => {
  it('stops with CANCELLED and leaves no file in the chosen folder, on either store', async () => {
    const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
    try {
      mkdirSync(f.dir.file('backups'));
      const controller = new AbortController();
      const seen: JobProgress[] = [];
      const onProgress = (p: JobProgress): void => {
        seen.push(p);
        controller.abort();
      };
      const backup = store.backup(f.dir.file('backups/x.book'), { overwrite: false }, { signal: controller.signal, onProgress });
      await expect(backup).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(seen.length).toBeGreaterThan(0);
      expect(listDir(f.dir.file('backups'))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
