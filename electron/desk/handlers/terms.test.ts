import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { storeKitFor } from '../testing/store-kit';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';

let f: DeskFixture;
let xoId: number;
let oddId: number;

const xo = XO_TERMS_JSON;
const extended = { ...xo, expiration: { basis: 'entered', at: '2003-12-15T17:00' } };
const oddLot = {
  kind: 'odd-lot',
  processingFeePerShare: '0.65',
  roundLot: 100,
  recordDate: '2026-02-27',
  expiresAt: '2026-04-10T17:00',
  excludedJurisdictions: ['CA'],
  planSharesExcluded: true,
  backupWithholdingRate: '0.24',
};

beforeEach(async () => {
  f = await staffedDesk();
  xoId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications', cusip: '037833100', recordDate: '2003-10-10' })).id;
  oddId = (await f.value('programs.create', { kind: 'odd-lot', name: 'Microsoft Odd-Lot', issuer: 'Microsoft Corp.', cusip: '594918104', recordDate: '2026-02-27' })).id;
  await f.signInAs('sue');
});
afterEach(async () => f.close());

describe('terms.record', () => {
  it('records the original terms as version 1, with the dates the engine derives, and journals who did it', async () => {
    const v1 = await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: xo });
    expect(v1).toMatchObject({ programId: xoId, version: 1, reason: 'Original terms', recordedBy: 'sue', recordedAt: f.clock.now().toISOString() });
    // Defaults are filled in by the engine's schema.
    expect(v1.terms).toMatchObject({ ...xo, timeZone: 'America/New_York', businessDays: 'NYSE' });
    // Issued 11/07/2003: the 29th day after is 12/06 (a Saturday); the first business day after it is Monday 12/08.
    expect(v1.derived).toMatchObject({ expiresAt: '2003-12-08T17:00', expiresAtInstant: '2003-12-08T22:00:00.000Z', expirationBasis: 'derived' });
    expect(v1.derived.splitRequestCutoff).toBe('2003-12-01T17:00');
    expect(v1.derived.finalReportDue).toBe('2003-12-17T17:00');
    expect(v1.derived.guaranteedDeliveryCutoff).toBeNull();
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'terms.recorded', username: 'sue', payload: { programId: xoId, version: 1, reason: 'Original terms', after: v1.terms } });
    expect(entry?.payload).not.toHaveProperty('before');
  });

  it('appends an extension as version 2; version 1 stays readable with its own expiration', async () => {
    await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: xo });
    f.clock.advanceMinutes(1);
    const v2 = await f.value('terms.record', { programId: xoId, reason: '  Extension per press release ', terms: extended });
    expect(v2).toMatchObject({ version: 2, reason: 'Extension per press release', derived: { expiresAt: '2003-12-15T17:00', expirationBasis: 'entered' } });
    const history = await f.value('terms.history', { programId: xoId });
    expect(history.kind).toBe('rights-offering');
    expect(history.versions.map((v) => [v.version, v.reason, v.derived.expiresAt])).toEqual([
      [1, 'Original terms', '2003-12-08T17:00'],
      [2, 'Extension per press release', '2003-12-15T17:00'],
    ]);
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'terms.recorded',
      username: 'sue',
      payload: { programId: xoId, version: 2, reason: 'Extension per press release', before: { version: 1, terms: { expiration: { basis: 'derived' } } }, after: { expiration: { basis: 'entered', at: '2003-12-15T17:00' } } },
    });
  });

  it('records odd-lot terms and lets an admin amend them', async () => {
    const v1 = await f.value('terms.record', { programId: oddId, reason: 'Original terms', terms: oddLot });
    expect(v1.derived).toEqual({ expiresAt: '2026-04-10T17:00', expiresAtInstant: '2026-04-10T21:00:00.000Z', expirationBasis: 'entered' });
    await f.signInAs('ada');
    const v2 = await f.value('terms.record', { programId: oddId, reason: 'Extended per notice', terms: { ...oddLot, expiresAt: '2026-04-24T17:00' } });
    expect(v2).toMatchObject({ version: 2, recordedBy: 'ada' });
  });

  it('refuses identical terms, leaving the book and the journal as they were', async () => {
    await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: xo });
    const before = { history: await f.value('terms.history', { programId: xoId }), journal: await f.value('journal.list', { limit: 500 }) };
    const error = await f.refused('terms.record', { programId: xoId, reason: 'Same terms again', terms: { ...xo } }, 'CONFLICT', 'terms');
    expect(error.message).toMatch(/same as the current version/);
    expect(await f.value('terms.history', { programId: xoId })).toEqual(before.history);
    expect(await f.value('journal.list', { limit: 500 })).toEqual(before.journal);
  });

  it('is refused to a clerk, who may still read the history', async () => {
    await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: xo });
    await f.signInAs('carl');
    const before = await f.journalCount();
    await f.refused('terms.record', { programId: xoId, reason: 'My own amendment', terms: extended }, 'FORBIDDEN');
    expect(await f.journalCount()).toBe(before);
    expect((await f.value('terms.history', { programId: xoId })).versions).toHaveLength(1);
  });

  it('refuses terms of the wrong kind, naming terms.kind', async () => {
    const error = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: oddLot }, 'INVALID_INPUT', 'terms.kind');
    expect(error.message).toMatch(/rights offering/);
    await f.refused('terms.record', { programId: oddId, reason: 'Original terms', terms: xo }, 'INVALID_INPUT', 'terms.kind');
    await f.refused('terms.record', { programId: oddId, reason: 'Original terms', terms: { ...oddLot, kind: undefined } }, 'INVALID_INPUT', 'terms.kind');
  });

  it('refuses a float where a decimal string is due, naming the dotted field', async () => {
    const classes = xo.classes.map((c, i) => (i === 1 ? { ...c, firmRightsPerUnit: 0.1 } : c));
    const error = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, classes } }, 'INVALID_INPUT', 'terms.classes.1.firmRightsPerUnit');
    // Named by the label kept with the engine's schema, and told what to type, not the parser's words.
    expect(error.message).toBe('Firm rights per unit: rights per share or unit held on the record date, rounded down; type e.g. 1 or 0.1');
    const price = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, subscriptionPrice: 5 } }, 'INVALID_INPUT', 'terms.subscriptionPrice');
    expect(price.message).toBe('Subscription price: type dollars and cents, e.g. 5.00');
    const typo = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, subscriptionPrice: '5dollars' } }, 'INVALID_INPUT', 'terms.subscriptionPrice');
    expect(typo.message).toBe('Subscription price: type dollars and cents, e.g. 5.00');
    // A rule's own words stay, under the field's label.
    const cents = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, subscriptionPrice: '5.0000001' } }, 'INVALID_INPUT', 'terms.subscriptionPrice');
    expect(cents.message).toMatch(/^Subscription price: at most 6 decimal places/);
    await f.refused('terms.record', { programId: oddId, reason: 'Original terms', terms: { ...oddLot, backupWithholdingRate: 0.24 } }, 'INVALID_INPUT', 'terms.backupWithholdingRate');
  });

  it('refuses other bad terms naming their field, and a failed record changes nothing', async () => {
    const before = { journal: await f.value('journal.list', { limit: 500 }) };
    await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, sneaky: 1 } }, 'INVALID_INPUT', 'terms.sneaky');
    await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, certificateIssueDate: '2003-10-01' } }, 'INVALID_INPUT', 'terms.certificateIssueDate');
    await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, expiration: { basis: 'entered', at: '2003-12-15 5pm' } } }, 'INVALID_INPUT', 'terms.expiration.at');
    // 2:30 a.m. on 04/06/2003 never happened in New York.
    await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, expiration: { basis: 'entered', at: '2003-04-06T02:30' } } }, 'INVALID_INPUT', 'terms.expiration.at');
    await f.refused('terms.record', { programId: xoId, reason: '   ', terms: xo }, 'INVALID_INPUT', 'reason');
    await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: [] }, 'INVALID_INPUT', 'terms');
    await f.refused('terms.record', { programId: 999, reason: 'Original terms', terms: xo }, 'NOT_FOUND', 'programId');
    expect(await f.value('journal.list', { limit: 500 })).toEqual(before.journal);
    expect((await f.value('terms.history', { programId: xoId })).versions).toEqual([]);
  });
});

describe('terms.record: what the book asks beyond the engine', () => {
  it('refuses an amendment that moves expiration earlier unless confirmed with its own reason, and journals the move', async () => {
    await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: xo }); // expires 12/08/2003 by rule
    const earlier = { ...xo, expiration: { basis: 'entered', at: '2003-12-01T17:00' } };
    const before = await f.journalCount();
    const refused = await f.refused('terms.record', { programId: xoId, reason: 'Extension per press release', terms: earlier }, 'CONFLICT', 'confirmEarlierExpiration');
    expect(refused.message).toBe('Terms not recorded: Expiration moves earlier, from 12/08/2003 5:00 p.m. to 12/01/2003 5:00 p.m. New York time: confirm the earlier expiration and say why');
    await f.refused('terms.record', { programId: xoId, reason: 'Extension per press release', terms: earlier, confirmEarlierExpiration: true }, 'INVALID_INPUT', 'earlierExpirationReason');
    const short = await f.refused('terms.record', { programId: xoId, reason: 'Shortened per notice', terms: earlier, confirmEarlierExpiration: true, earlierExpirationReason: 'x' }, 'INVALID_INPUT', 'earlierExpirationReason');
    expect(short.message).toMatch(/^Why expiration moves earlier: say why in a few words \(at least 10 characters\)/);
    expect(await f.journalCount()).toBe(before);

    const v2 = await f.value('terms.record', { programId: xoId, reason: 'Shortened per notice', terms: earlier, confirmEarlierExpiration: true, earlierExpirationReason: 'Company shortened the offer by notice of 11/20/2003' });
    expect(v2.derived.expiresAt).toBe('2003-12-01T17:00');
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry?.payload).toMatchObject({ version: 2, earlierExpiration: { from: '2003-12-08T17:00', to: '2003-12-01T17:00', reason: 'Company shortened the offer by notice of 11/20/2003' } });
    // A later expiration needs no confirmation.
    await f.value('terms.record', { programId: xoId, reason: 'Extension per press release', terms: extended });
  });

  it('refuses maximum shares 0, a price in fractions of a cent and an issue date that is not a business day, in words', async () => {
    const zero = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, maxShares: 0 } }, 'INVALID_INPUT', 'terms.maxShares');
    expect(zero.message).toBe('Maximum shares: must be at least 1 share, got 0');
    const price = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, subscriptionPrice: '5.001' } }, 'INVALID_INPUT', 'terms.subscriptionPrice');
    expect(price.message).toBe('Subscription price: whole cents only (at most 2 decimals, holders pay in dollars and cents), got 5.001');
    const holiday = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, certificateIssueDate: '2003-11-27' } }, 'INVALID_INPUT', 'terms.certificateIssueDate');
    expect(holiday.message).toBe('Certificate issue date: 11/27/2003 is Thanksgiving Day, not a business day (NYSE calendar)');
    const saturday = await f.refused('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, certificateIssueDate: '2003-11-08' } }, 'INVALID_INPUT', 'terms.certificateIssueDate');
    expect(saturday.message).toBe('Certificate issue date: 11/08/2003 is a Saturday, not a business day (NYSE calendar)');
    const reason = await f.refused('terms.record', { programId: xoId, reason: 'x', terms: xo }, 'INVALID_INPUT', 'reason');
    expect(reason.message).toBe('Reason: say why in a few words (at least 10 characters), e.g. Extension per press release');
    await f.refused('terms.record', { programId: xoId, reason: 'Extension', terms: xo }, 'INVALID_INPUT', 'reason');
    // Trailing zeros are still whole cents.
    expect((await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: { ...xo, subscriptionPrice: '5.000' } })).version).toBe(1);
  });
});

describe('terms.history', () => {
  it('is empty before the original terms, and says when there is no such program', async () => {
    await f.signInAs('carl');
    expect(await f.value('terms.history', { programId: oddId })).toEqual({ programId: oddId, kind: 'odd-lot', versions: [] });
    await f.refused('terms.history', { programId: 42 }, 'NOT_FOUND', 'programId');
  });
});

describe('the program_terms table', () => {
  it('refuses to change or delete a recorded version', async () => {
    await f.value('terms.record', { programId: xoId, reason: 'Original terms', terms: xo });
    const raw = storeKitFor(f.bookPath).raw;
    await expect(raw("UPDATE program_terms SET reason = 'changed'")).rejects.toThrow(/never changed|cannot be changed/);
    await expect(raw('DELETE FROM program_terms')).rejects.toThrow(/never deleted|never changed or deleted/);
    await expect(raw("INSERT INTO program_terms (program_id, version, reason, recorded_at, recorded_by, terms) VALUES ($1, 1, 'dup', 'x', 1, '{}')", [xoId])).rejects.toThrow(
      /UNIQUE|duplicate key/,
    );
    expect(Number((await raw('SELECT count(*) AS n FROM program_terms'))[0]?.['n'])).toBe(1);
  });
});
