import { storeKitFor } from '../testing/store-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { jobValue } from '../testing/job-harness';

let f: DeskFixture;
beforeEach(async () => {
  f = await staffedDesk();
});
afterEach(async () => f.close());

describe('journal.list', () => {
  it('lists newest first and pages back with beforeSeq', async () => {
    const all = await f.value('journal.list', {});
    expect(all.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(all[3]).toMatchObject({ action: 'book.created', username: null });
    expect(all[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    const page = await f.value('journal.list', { beforeSeq: 3, limit: 1 });
    expect(page.map((e) => e.seq)).toEqual([2]);
  });

  it('refuses a bad page, naming the field, and is refused to clerks', async () => {
    await f.refused('journal.list', { beforeSeq: 0 }, 'INVALID_INPUT', 'beforeSeq');
    await f.refused('journal.list', { limit: 501 }, 'INVALID_INPUT', 'limit');
    await f.signInAs('carl');
    await f.refused('journal.list', {}, 'FORBIDDEN');
    await f.refused('journal.verify', {}, 'FORBIDDEN');
  });
});

describe('journal.verify', () => {
  it('reports an intact chain', async () => {
    await f.signInAs('sue');
    expect(await jobValue(f, 'journal.verify')).toEqual({ ok: true, entries: 5 });
  });

  it('names the first entry edited behind the desk’s back', async () => {
    const { raw } = storeKitFor(f.bookPath);
    await raw(f.storeKind === 'sqlite' ? 'DROP TRIGGER journal_no_update' : 'ALTER TABLE journal DISABLE TRIGGER journal_refuse');
    await raw(`UPDATE journal SET payload = '{"firstAdmin":true,"after":{"username":"mallory"}}' WHERE seq = 2`);
    expect(await jobValue(f, 'journal.verify')).toEqual({ ok: false, entries: 4, firstBroken: { seq: 2, reason: 'hash does not match its content' } });
  });

  it('holds the book while the worker walks it: a backup meanwhile is refused', async () => {
    await f.signInAs('sue');
    const { jobId } = await f.value('journal.verify');
    const refusal = await f.refused('book.backup', f.chooseSave(f.dir.file('meanwhile.bak')), 'CONFLICT');
    expect(refusal.message).toMatch(/already running \(Verifying the journal\)/);
    expect(await f.desk.whenFinished(jobId)).toMatchObject({ state: 'done', result: { ok: true } });
  });
});
