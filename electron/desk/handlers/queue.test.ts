// The queue's channels on both stores: a clerk keys irregular forms through intake; a supervisor
// who keyed nothing lists, opens and decides them; clerks are refused, every input is validated
// in main (a tampered payload is refused naming its field), and four-eyes holds through the channel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/channels';
import type { ElectionDraft } from '../../../shared/ipc/intake-forms';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { cleanDraft } from '../testing/intake-fixture';
import { openEnvelope, rightsIntakeBook } from '../testing/intake-more-fixture';

let f: DeskFixture;
let programId: number;
let ids: { batchId: number; envelopeId: number };
let numbers: Map<string, string>;

beforeEach(async () => {
  f = await staffedDesk();
  f.clock.setWallClock('2003-12-03T15:00:00.000Z');
  await f.addUser('vic', 'supervisor');
  const sue = await f.signInAs('sue');
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    programId = (await rightsIntakeBook(store, { supervisor: sue })).programId;
    ids = await openEnvelope(store, { programId, supervisor: sue }, '2003-12-01T10:15');
  } finally {
    await store.close();
  }
  const page = await f.value('certificates.list', { programId, offset: 0, limit: 50 });
  numbers = new Map(page.rows.map((c) => [`${c.account}/${c.class}`, c.number]));
});
afterEach(async () => f.close());

const REASON = 'Holder phoned; signature card matches';

async function keyAs(user: string, account: string, more: Partial<ElectionDraft>): Promise<number> {
  await f.signInAs(user);
  const answer = await f.value('intake.saveElection', { draft: cleanDraft(ids, numbers.get(account)!, 10, more), confirmed: true });
  if (!answer.saved) throw new Error('not saved');
  return answer.electionId;
}

const list = () => f.value('queue.list', { filter: { programId }, offset: 0, limit: 50 });
/** A decision as the screen sends it; the refusal tests send wrong kinds and codes on purpose. */
const decide = (id: number, decision: string, codes: string[], more: Record<string, unknown> = {}) =>
  ({ programId, item: { kind: 'election', id }, decision, codes, reason: REASON, cureBy: null, ...more }) as unknown as ChannelInput<'queue.decide'>;

describe('queue channels', () => {
  it('lists the irregular items, opens one and decides it; the queue shrinks', async () => {
    const unsigned = await keyAs('carl', 'H-1002/B', { signed: false });
    const tin = await keyAs('carl', 'H-1003/A', { taxFormOnFile: false });
    await f.signInAs('vic');
    expect((await list()).rows.map((r) => [r.ref.id, r.open.map((c) => c.code)])).toEqual([[unsigned, ['UNSIGNED']], [tin, ['MISSING_TIN']]]);
    const file = await f.value('queue.item', { programId, item: { kind: 'election', id: unsigned } });
    expect(file).toMatchObject({ itemWords: `Form ${unsigned}`, yourHands: false, keyedBy: 'carl (clerk)' });
    expect(await f.value('queue.decide', decide(unsigned, 'waive', ['UNSIGNED']))).toMatchObject({ status: 'accepted' });
    expect(await f.value('queue.decide', decide(tin, 'allow-cure', ['MISSING_TIN'], { cureBy: '2003-12-05' }))).toMatchObject({ status: 'awaiting-cure', warning: null });
    expect((await list()).total).toBe(0);
    const [entry] = (await f.value('journal.search', { filter: { action: 'decision.cureAllowed' }, offset: 0, limit: 1 })).rows;
    expect(entry).toMatchObject({ username: 'vic', payload: { electionId: tin, cureBy: '2003-12-05', reason: REASON } });
  });

  it('refuses clerks on every queue channel', async () => {
    const id = await keyAs('carl', 'H-1002/B', { signed: false });
    const before = await f.journalCount();
    await f.refused('queue.list', { filter: { programId }, offset: 0, limit: 50 }, 'FORBIDDEN');
    await f.refused('queue.item', { programId, item: { kind: 'election', id } }, 'FORBIDDEN');
    await f.refused('queue.decide', decide(id, 'waive', ['UNSIGNED']), 'FORBIDDEN');
    expect(await f.journalCount()).toBe(before);
  });

  it('refuses a tampered payload in main, naming the field, and leaves the book as it was', async () => {
    const id = await keyAs('carl', 'H-1002/B', { signed: false });
    await f.signInAs('vic');
    const before = await f.journalCount();
    await f.refused('queue.decide', { ...decide(id, 'waive', ['UNSIGNED']), decidedBy: 1 }, 'INVALID_INPUT');
    await f.refused('queue.decide', decide(id, 'approve', ['UNSIGNED']), 'INVALID_INPUT', 'decision');
    await f.refused('queue.decide', decide(id, 'waive', ['NOT_A_CODE']), 'INVALID_INPUT', 'codes.0');
    await f.refused('queue.decide', decide(id, 'waive', ['UNSIGNED'], { reason: 'ok' }), 'INVALID_INPUT', 'reason');
    await f.refused('queue.decide', decide(id, 'allow-cure', ['UNSIGNED']), 'INVALID_INPUT', 'cureBy');
    await f.refused('queue.decide', decide(id, 'waive', ['UNSIGNED'], { cureBy: '2003-12-31' }), 'INVALID_INPUT', 'cureBy');
    await f.refused('queue.decide', decide(id, 'allow-cure', ['UNSIGNED'], { cureBy: '2003-02-30' }), 'INVALID_INPUT', 'cureBy');
    await f.refused('queue.decide', { ...decide(id, 'waive', ['UNSIGNED']), item: { kind: 'certificate', id } }, 'INVALID_INPUT', 'item.kind');
    await f.refused('queue.list', { filter: { programId, status: 'everything' }, offset: 0, limit: 50 }, 'INVALID_INPUT', 'filter.status');
    await f.refused('queue.list', { filter: { programId }, offset: 0, limit: 5000 }, 'INVALID_INPUT', 'limit');
    expect(await f.journalCount()).toBe(before);
  });

  it('refuses a supervisor deciding an item they keyed (four-eyes), with the reason in words', async () => {
    const own = await keyAs('sue', 'H-1002/B', { signed: false });
    const error = await f.refused('queue.decide', decide(own, 'reject', []), 'FORBIDDEN', 'item');
    expect(error.message).toBe(`Four-eyes: you keyed or changed Form ${own}, so another supervisor must decide it`);
    expect((await f.value('queue.item', { programId, item: { kind: 'election', id: own } })).yourHands).toBe(true);
    await f.signInAs('vic');
    expect(await f.value('queue.decide', decide(own, 'reject', []))).toMatchObject({ status: 'rejected', refund: '50.00' });
  });
});
