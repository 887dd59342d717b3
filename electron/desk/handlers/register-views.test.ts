import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskErrorCode } from '../../../shared/ipc/result';
import { openDesk, type Desk } from '../desk';
import { openStore } from '../store/open-store';
import { fakeHost } from '../testing/desk-harness';
import { seedScreensBook } from '../testing/register-fixture-screens';
import { fakeClock, tempDir } from '../testing/temp';
import { freshBookLocation, type TestBook } from '../testing/test-store';

const ADMIN = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' };
const CLERK = { username: 'carl', displayName: 'Carl Clerk', password: 'keying-all-day-42' };

let dir: ReturnType<typeof tempDir>;
let book: TestBook;
let desk: Desk;
let programId: number;
beforeEach(async () => {
  dir = tempDir('register-views-');
  book = await freshBookLocation(dir.file('screens.book'));
  const clock = fakeClock();
  const store = await openStore(book.location, { now: clock.now, mode: 'create' });
  ({ programId } = await seedScreensBook(store, { admin: ADMIN, clerk: CLERK }));
  await store.close();
  desk = await openDesk({ bookPath: book.location, prefsPath: dir.file('prefs.json'), host: fakeHost().host, now: clock.now, idleClock: clock.monotonic });
});
afterEach(async () => {
  await desk.close();
  await book.drop();
  dir.cleanup();
});

const value = async (channel: string, input: unknown) => {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
};
const refused = async (channel: string, input: unknown, code: DeskErrorCode, field?: string) => {
  const result = await desk.dispatch(channel, input);
  expect(result.ok, `${channel} should be refused`).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  if (field) expect(result.error.field).toBe(field);
};

describe('register and certificate views through the handler table', () => {
  it('are refused before sign-in and open to a clerk', async () => {
    await refused('register.summary', { programId }, 'NOT_SIGNED_IN');
    await refused('certificates.detail', { certificateId: 1 }, 'NOT_SIGNED_IN');
    await value('session.signIn', { username: 'carl', password: CLERK.password });
    expect(await value('register.summary', { programId })).toMatchObject({ entries: 7, issued: true });
    expect(await value('register.entries', { programId, offset: 0 })).toMatchObject({ total: 7 });
    expect(await value('register.holder', { programId, account: ' 100001 ' })).toMatchObject({ account: '100001' });
    expect(await value('register.heldForeign', { programId, offset: 0, limit: 5 })).toMatchObject({ total: 2 });
    expect(await value('certificates.list', { programId, class: 'B', offset: 0 })).toMatchObject({ total: 1 });
    expect(await value('certificates.detail', { certificateId: 1 })).toMatchObject({ certificate: { number: 'RT-000001' } });
  });

  it('validate every input, naming the field', async () => {
    await value('session.signIn', { username: 'ada', password: ADMIN.password });
    await refused('register.entries', { programId, offset: -1 }, 'INVALID_INPUT', 'offset');
    await refused('register.entries', { programId, offset: 0, limit: 501 }, 'INVALID_INPUT', 'limit');
    await refused('register.entries', { programId: 'one', offset: 0 }, 'INVALID_INPUT', 'programId');
    await refused('register.holder', { programId, account: '   ' }, 'INVALID_INPUT', 'account');
    await refused('register.holder', { programId, account: '100001', extra: 1 }, 'INVALID_INPUT');
    await refused('certificates.detail', { certificateId: 0 }, 'INVALID_INPUT', 'certificateId');
    await refused('register.holder', { programId, account: '424242' }, 'NOT_FOUND', 'account');
  });

  it('never send a whole TIN nor its ciphertext to the screen', async () => {
    await value('session.signIn', { username: 'carl', password: CLERK.password });
    const answers = JSON.stringify([
      await value('register.entries', { programId, offset: 0, limit: 100 }),
      await value('register.holder', { programId, account: '100002' }),
      await value('certificates.detail', { certificateId: 3 }),
      await value('register.heldForeign', { programId, offset: 0 }),
      await desk.dispatch('find', { query: '2143' }),
    ]);
    for (const tin of ['123456789', '136022143', '912705555', '219099999']) expect(answers).not.toContain(tin);
    expect(answers).toContain('XX-XXX2143');
    expect(answers).not.toMatch(/"type":"Buffer"|tinEncrypted|tin_encrypted/);
  });
});
