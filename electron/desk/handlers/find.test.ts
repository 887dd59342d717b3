import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
beforeEach(async () => {
  f = await staffedDesk();
  await f.value('programs.create', { kind: 'rights-offering', name: 'XO Communications Rights Offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-11-07' });
  await f.value('programs.create', { kind: 'odd-lot', name: 'Zoë Ångström Odd-Lot Program', issuer: 'Société Générale Holdings', cusip: '037833100', recordDate: '2026-02-27' });
});
afterEach(async () => f.close());

const titles = async (query: string) => (await f.value('find', { query })).map((i) => i.title);

describe('find', () => {
  it('finds programs by the start of any words, in any order, accents and case ignored', async () => {
    expect(await titles('xo')).toEqual(['XO Communications Rights Offering']);
    expect(await titles('offering comm')).toEqual(['XO Communications Rights Offering']);
    expect(await titles('zoe angstrom')).toEqual(['Zoë Ångström Odd-Lot Program']);
    expect(await titles('SOCIETE')).toEqual(['Zoë Ångström Odd-Lot Program']);
    expect(await titles('xo zoe')).toEqual([]); // every word must match the same program
  });

  it('finds a program by its CUSIP, typed whole or in its printed groups', async () => {
    expect(await titles('983764176')).toEqual(['XO Communications Rights Offering']);
    expect(await titles('983764 17 6')).toEqual(['XO Communications Rights Offering']);
    const [hit] = await f.value('find', { query: '9837' });
    expect(hit).toMatchObject({ kind: 'program', detail: 'XO Communications, Inc. · CUSIP 983764176 · rights offering' });
  });

  it('finds users for an administrator only', async () => {
    expect(await f.value('find', { query: 'sue' })).toEqual([expect.objectContaining({ kind: 'user', title: 'sue (supervisor)', detail: 'sue · supervisor' })]);
    await f.signInAs('carl');
    expect(await f.value('find', { query: 'sue' })).toEqual([]);
    expect(await titles('xo')).toEqual(['XO Communications Rights Offering']);
  });

  it('answers nothing for nothing, limits the results, and needs a signed-in user', async () => {
    expect(await f.value('find', { query: '  ' })).toEqual([]);
    expect(await f.value('find', { query: '-- ; drop' })).toEqual([]);
    expect(await f.value('find', { query: 'o', limit: 1 })).toHaveLength(1);
    await f.refused('find', { query: 'x'.repeat(201) }, 'INVALID_INPUT', 'query');
    await f.value('session.signOut');
    await f.refused('find', { query: 'xo' }, 'NOT_SIGNED_IN');
  });
});
