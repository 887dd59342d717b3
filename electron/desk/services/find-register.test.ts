import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../store/port';
import { SCREENS_PROGRAM, seedScreensBook } from '../testing/register-fixture-screens';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { findInBook } from './find';
import { readQuery } from './find-register';

const PEOPLE = { admin: { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' }, clerk: { username: 'carl', displayName: 'Carl Clerk', password: 'keying-all-day-42' } };

let kit: StoreKit;
let store: BookStore;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  await seedScreensBook(store, PEOPLE);
});
afterEach(async () => kit.cleanup());

const find = (query: string, limit = 20) => findInBook(store, 'clerk', { query, limit });
/** "kind account/title" of each item found. */
const found = async (query: string) => (await find(query)).map((i) => (i.kind === 'holder' ? `holder ${i.account} ${i.title}` : `${i.kind} ${i.title}`));

describe('reading a query for the register', () => {
  it('reads certificate numbers, TIN last fours, postal codes, accounts and names', () => {
    expect(readQuery('RT-000123').certificateNumbers).toEqual(['RT-000123']);
    expect(readQuery('rt123').certificateNumbers).toEqual(['RT-000123']);
    expect(readQuery(' rt 123 ').certificateNumbers).toEqual(['RT-000123']);
    expect(readQuery('123')).toMatchObject({ certificateNumbers: ['RT-000123'], account: '123', tinLast4: null, postalCode: null, nameWords: [] });
    expect(readQuery('6789')).toMatchObject({ tinLast4: '6789', postalCode: null, account: '6789' });
    expect(readQuery('XXX-XX-6789')).toMatchObject({ tinLast4: '6789', account: null, nameWords: [] });
    expect(readQuery('xx-xxx2143').tinLast4).toBe('2143');
    expect(readQuery('62701')).toMatchObject({ postalCode: '62701', tinLast4: null });
    expect(readQuery('07310-1617').postalCode).toBe('07310-1617');
    expect(readQuery('john pub')).toMatchObject({ nameWords: ['john', 'pub'], account: null, certificateNumbers: [] });
  });
});

describe('find: holders and certificates across programs', () => {
  it('finds a holder by exact account, every class of it', async () => {
    expect(await found('100001')).toEqual(['holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN', 'holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN']);
    const [first] = await find('100001');
    expect(first).toMatchObject({ kind: 'holder', programId: 1, account: '100001' });
    expect(first?.detail).toBe(`Account · account 100001 · class A · Springfield IL 62701 · TIN XXX-XX-6789 · ${SCREENS_PROGRAM.name}`);
    expect(await found('10000')).toEqual([]); // an account is exact
  });

  it('finds holders by the start of words of their registration, in any order, accents ignored', async () => {
    expect(await found('john pub')).toEqual(['holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN', 'holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN']);
    expect(await found('johnson')).toEqual(['holder 100004 JOHNSON FAMILY TRUST ALICE JOHNSON TTEE']);
    expect((await found('john')).sort()).toEqual(['holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN', 'holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN', 'holder 100004 JOHNSON FAMILY TRUST ALICE JOHNSON TTEE']);
    expect(await found('zoe angst')).toEqual(['holder 100003 ZOË ÅNGSTRÖM']);
    expect(await found('muller')).toEqual(['holder 100005 HANS MÜLLER']);
    expect(await found('cede fast')).toEqual(['holder 100002 CEDE & CO FAST ACCOUNT']);
    expect(await found('john cede')).toEqual([]);
  });

  it('finds holders by the last four of the TIN, typed plain or masked', async () => {
    expect(await found('2143')).toEqual(['holder 100002 CEDE & CO FAST ACCOUNT']);
    expect(await found('XX-XXX2143')).toEqual(['holder 100002 CEDE & CO FAST ACCOUNT']);
    expect(await found('xxx-xx-5555')).toEqual(['holder 100003 ZOË ÅNGSTRÖM']);
  });

  it('finds holders by postal code: five digits find their ZIP+4s too, a ZIP+4 only itself', async () => {
    expect(await found('62701')).toEqual(['holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN', 'holder 100001 JOHN Q PUBLIC MARY PUBLIC JT TEN']);
    expect(await found('62704')).toEqual(['holder 100003 ZOË ÅNGSTRÖM']);
    expect(await found('07310')).toEqual(['holder 100002 CEDE & CO FAST ACCOUNT']);
    expect(await found('07310-1617')).toEqual(['holder 100002 CEDE & CO FAST ACCOUNT']);
    expect(await found('07310-1618')).toEqual([]);
    expect(await found('02108')).toEqual(['holder 100004 JOHNSON FAMILY TRUST ALICE JOHNSON TTEE']);
  });

  it('finds a certificate by its number as printed, or typed short', async () => {
    for (const typed of ['RT-000006', 'rt6', 'rt 000006', '6']) expect(await found(typed), typed).toEqual(['certificate Certificate RT-000006']);
    const [hit] = await find('rt6');
    expect(hit).toMatchObject({ kind: 'certificate', programId: 1, account: '100005', detail: `${SCREENS_PROGRAM.name} · class A · account 100005 · held (§9)` });
    expect(await found('rt-999999')).toEqual([]);
  });

  it('still finds programs, after any holders, and never shows a TIN whole', async () => {
    expect(await found('xo comm')).toEqual([`program ${SCREENS_PROGRAM.name}`]);
    const all = JSON.stringify(await find('1234'));
    expect(all).not.toContain('123456789');
    expect((await find('john', 1))).toHaveLength(1);
  });
});
