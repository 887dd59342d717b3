import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
const apple = { kind: 'rights-offering', name: 'Apple 2026 Rights', issuer: 'Apple Inc.', cusip: '037833100', recordDate: '2026-03-13' } as const;
const msft = { kind: 'odd-lot', name: 'Microsoft Odd-Lot', issuer: 'Microsoft Corp.', cusip: '594918104', recordDate: '2026-02-27' } as const;

beforeEach(async () => {
  f = await staffedDesk();
});
afterEach(async () => f.close());

describe('programs.create', () => {
  it('creates a program and journals it with who did it', async () => {
    await f.signInAs('sue');
    const p = await f.value('programs.create', { ...apple, cusip: ' 037833100 ' });
    expect(p).toEqual({ id: 1, ...apple, createdAt: f.clock.now().toISOString(), createdBy: 'sue' });
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'program.created', username: 'sue', payload: { after: p } });
  });

  it('keeps many programs in one book, and accepts lower-case CUSIPs with letters', async () => {
    await f.value('programs.create', apple);
    await f.value('programs.create', msft);
    const google = await f.value('programs.create', { kind: 'odd-lot', name: 'Google', issuer: 'Alphabet', cusip: '38259p508', recordDate: '2026-01-05' });
    expect(google.cusip).toBe('38259P508');
    expect((await f.value('programs.list')).map((p) => p.cusip)).toEqual(['037833100', '594918104', '38259P508']);
  });

  it('refuses a wrong check digit, naming cusip and the digit expected', async () => {
    const before = await f.journalCount();
    const error = await f.refused('programs.create', { ...apple, cusip: '037833107' }, 'INVALID_INPUT', 'cusip');
    expect(error.message).toMatch(/check digit.*should be 0, not 7/);
    expect(await f.journalCount()).toBe(before);
  });

  it('refuses a duplicate CUSIP as a conflict naming cusip, leaving the book exactly as it was', async () => {
    await f.value('programs.create', apple);
    const before = { programs: await f.value('programs.list'), journal: await f.value('journal.list', { limit: 500 }) };
    const error = await f.refused('programs.create', { ...msft, cusip: apple.cusip }, 'CONFLICT', 'cusip');
    expect(error.message).toMatch(/Apple 2026 Rights/);
    expect(await f.value('programs.list')).toEqual(before.programs);
    expect(await f.value('journal.list', { limit: 500 })).toEqual(before.journal);
  });

  it('refuses an impossible record date and a malformed CUSIP, naming the field', async () => {
    await f.refused('programs.create', { ...apple, recordDate: '2026-02-30' }, 'INVALID_INPUT', 'recordDate');
    await f.refused('programs.create', { ...apple, cusip: '0378-3310' }, 'INVALID_INPUT', 'cusip');
    await f.refused('programs.create', { ...apple, kind: 'merger' }, 'INVALID_INPUT', 'kind');
  });

  it('is refused to a clerk', async () => {
    await f.signInAs('carl');
    await f.refused('programs.create', apple, 'FORBIDDEN');
  });
});

describe('programs.list and programs.get', () => {
  it('are open to any signed-in user', async () => {
    const p = await f.value('programs.create', apple);
    await f.signInAs('carl');
    expect(await f.value('programs.list')).toEqual([p]);
    expect(await f.value('programs.get', { programId: p.id })).toEqual(p);
  });

  it('get says when there is no such program, and refuses a bad id', async () => {
    await f.refused('programs.get', { programId: 42 }, 'NOT_FOUND', 'programId');
    await f.refused('programs.get', { programId: -1 }, 'INVALID_INPUT', 'programId');
  });
});
