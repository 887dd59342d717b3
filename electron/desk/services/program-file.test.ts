import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rightsProgramFromTerms, type RightsOfferingTerms } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import { SYSTEM_ACTOR, type BookStore } from '../store/port';
import { fixtureJson, markCertificatesIssued, ODD_LOT_PROGRAM_FILE, staffBook, XO_PROGRAM_FILE } from '../testing/program-fixtures';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { createProgramFromFile, parseProgramFile, type ProgramFileProblem, type ProgramFromFile } from './program-file';
import { termsHistory } from './terms';

const xoFile = () => fixtureJson(XO_PROGRAM_FILE);
const xoProgram = () => xoFile()['program'] as Record<string, unknown>;
const oddFile = () => fixtureJson(ODD_LOT_PROGRAM_FILE);

const parsed = (input: unknown): ProgramFromFile => {
  const r = parseProgramFile(input);
  if (!r.ok) throw new Error(`expected a good file: ${JSON.stringify(r.problems)}`);
  return r.file;
};
const problems = (input: unknown): readonly ProgramFileProblem[] => {
  const r = parseProgramFile(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('parseProgramFile: the XO rights offering', () => {
  it('maps the settle contract`s program object to the desk`s terms, with the desk`s defaults', () => {
    const f = parsed(xoFile());
    expect(f).toMatchObject({ kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2002-11-15' });
    const t = f.terms as RightsOfferingTerms;
    expect(t).toMatchObject({ timeZone: 'America/New_York', businessDays: 'NYSE+FED', guaranteedDelivery: { allowed: false }, recordDate: '2002-11-15', certificateIssueDate: '2003-11-07', expiration: { basis: 'derived' } });
    expect(t.classes.map((c) => [c.code, c.colour, c.firmRightsPerUnit, c.oversubscription, c.transferable, c.stage])).toEqual([
      ['A', 'BLUE', '1', true, false, 1],
      ['B', 'GREEN', '0.1', true, false, 1],
      ['C', 'RED', '0', true, false, 1],
      ['T', 'WHITE', '1', false, true, 2],
    ]);
    // The settlement engine sees exactly the contract's program, expiring by the recitals' rule:
    // issued Friday 11/07/2003, the 29th day after is Saturday 12/06, the first business day after is Monday 12/08.
    expect(rightsProgramFromTerms(t)).toEqual({ ...xoProgram(), expiresAt: '2003-12-08T17:00', classes: (xoProgram()['classes'] as Record<string, unknown>[]).map(({ code, firmRightsPerUnit, oversubscription, stage }) => ({ code, firmRightsPerUnit, oversubscription, ...(stage === 2 ? { stage } : {}) })) });
  });

  it('takes an entered expiration, a class`s units decimals and the desk`s other defaults for a bare contract program', () => {
    const bare = { kind: 'rights-offering', timeZone: 'America/New_York', expiresAt: '2003-12-15T17:00', subscriptionPrice: '5.00', maxShares: 100, oversubscription: { basis: 'basic', requireFullBasic: false }, classes: [{ code: 'A', firmRightsPerUnit: '1', oversubscription: true, unitsDecimals: 2 }] };
    const t = parsed({ ...xoFile(), program: bare }).terms as RightsOfferingTerms;
    expect(t.expiration).toEqual({ basis: 'entered', at: '2003-12-15T17:00' });
    expect(t.classes).toEqual([{ code: 'A', colour: 'WHITE', firmRightsPerUnit: '1', oversubscription: true, transferable: false, stage: 1, unitsDecimals: 2 }]);
  });

  it('names every problem by its JSON path at once', () => {
    const classes = (xoProgram()['classes'] as Record<string, unknown>[]).map((c, i) => (i === 1 ? { ...c, firmRightsPerUnit: 0.1 } : i === 2 ? { ...c, shade: 'dark' } : c));
    const found = problems({ ...xoFile(), name: '   ', cusip: '983764175', recordDate: '2002-11-31', program: { ...xoProgram(), subscriptionPrice: '5', maxShares: -3, classes } });
    expect(found).toEqual([
      { path: 'name', message: 'blank; expected the program\'s name, like "XO Communications 2003 rights offering"' },
      { path: 'recordDate', message: 'expected a date like "2003-12-02" (YYYY-MM-DD, a real date), got the string "2002-11-31"' },
      { path: 'cusip', message: 'the check digit of 983764175 is wrong: after 98376417 it should be 6, not 5' },
      { path: 'program.maxShares', message: 'must not be negative, got -3' },
      { path: 'program.classes[1].firmRightsPerUnit', message: 'expected a decimal string like "0.1", got the number 0.1' },
      { path: 'program.classes[2].shade', message: 'unknown field' },
    ]);
  });

  it('refuses what the desk`s terms refuse, named where the file says it', () => {
    expect(problems({ ...xoFile(), certificatesIssuedOn: '2003-11-08' })).toEqual([{ path: 'certificatesIssuedOn', message: 'Certificate issue date: 11/08/2003 is a Saturday, not a business day (NYSE+FED calendar)' }]);
    expect(problems({ ...xoFile(), certificatesIssuedOn: '2002-11-14' })).toEqual([{ path: 'certificatesIssuedOn', message: 'before the record date 2002-11-15' }]);
    expect(problems({ ...xoFile(), program: { ...xoProgram(), subscriptionPrice: '5.005' } })).toEqual([{ path: 'program.subscriptionPrice', message: 'Subscription price: whole cents only (at most 2 decimals, holders pay in dollars and cents), got 5.005' }]);
    expect(problems({ ...xoFile(), program: { ...xoProgram(), expiresAt: '2003-04-06T02:30' } })).toEqual([{ path: 'program.expiresAt', message: 'Expiration: 2003-04-06 02:30 does not exist in America/New_York (clocks move forward that night)' }]);
    expect(problems({ ...xoFile(), program: { ...xoProgram(), expiresAt: '2003-11-06T17:00' } })).toEqual([{ path: 'program.expiresAt', message: '2003-11-06T17:00 is before the certificates are issued (2003-11-07)' }]);
    const { certificatesIssuedOn: _, ...noIssueDate } = xoFile();
    expect(problems(noIssueDate)).toEqual([{ path: 'certificatesIssuedOn', message: 'missing; a rights offering needs the date its certificates are issued, like "2003-11-07" (its deadlines count from it)' }]);
    const dup = (xoProgram()['classes'] as unknown[]).slice(0, 1);
    expect(problems({ ...xoFile(), program: { ...xoProgram(), classes: [...dup, ...dup] } })).toEqual([{ path: 'program.classes[1].code', message: 'duplicate class "A"' }]);
  });

  it('refuses what is not a program file', () => {
    expect(problems([])).toEqual([{ path: '', message: 'not a program file: expected a JSON object with "format": "offering-desk/program@1"' }]);
    expect(problems({ ...xoFile(), format: 'offering-desk/scenario@1' })[0]).toEqual({ path: 'format', message: 'expected "offering-desk/program@1", got the string "offering-desk/scenario@1"' });
    expect(problems({ ...xoFile(), program: { ...xoProgram(), kind: 'tender' } })).toEqual([{ path: 'program.kind', message: 'expected "rights-offering" or "odd-lot", got the string "tender"' }]);
    expect(problems({ ...xoFile(), program: 'rights' })).toEqual([{ path: 'program', message: 'expected an object, got the string "rights"' }]);
    expect(problems({ ...xoFile(), extra: true })).toEqual([{ path: 'extra', message: 'unknown field' }]);
  });
});

describe('parseProgramFile: the XO odd-lot program', () => {
  it('maps the notice`s terms with the desk`s defaults', () => {
    const f = parsed(oddFile());
    expect(f).toMatchObject({ kind: 'odd-lot', cusip: '983764838', recordDate: '2003-07-07' });
    expect(f.terms).toEqual({ kind: 'odd-lot', timeZone: 'America/New_York', businessDays: 'NYSE+FED', processingFeePerShare: '0.65', roundLot: 100, recordDate: '2003-07-07', expiresAt: '2004-03-05T17:00', excludedJurisdictions: [], planSharesExcluded: true, backupWithholdingRate: '0.24', settlementBusinessDays: 5 });
  });
  it('refuses a certificate issue date and a missing expiration', () => {
    const { expiresAt: _, ...noExpiry } = oddFile()['program'] as Record<string, unknown>;
    expect(problems({ ...oddFile(), certificatesIssuedOn: '2003-07-08', program: noExpiry })).toEqual([
      { path: 'program.expiresAt', message: 'missing; expected a local time like "2003-12-08T17:00"' },
    ]);
    expect(problems({ ...oddFile(), certificatesIssuedOn: '2003-07-08' })).toEqual([{ path: 'certificatesIssuedOn', message: 'an odd-lot program issues no rights certificates; leave it out' }]);
  });
});

describe('createProgramFromFile', () => {
  let kit: StoreKit;
  let store: BookStore;
  beforeEach(async () => {
    kit = await storeKit();
    store = await kit.open();
  });
  afterEach(async () => kit.cleanup());

  const source = { fileName: 'xo-program.json', sha256: 'a'.repeat(64) };

  it('creates the program with its terms as version 1 in one journaled change', async () => {
    const { sue } = await staffBook(store);
    const before = await store.read((r) => r.journal.count());
    const { program, terms } = await createProgramFromFile(store, sue, parsed(xoFile()), source);
    expect(program).toMatchObject({ kind: 'rights-offering', cusip: '983764176', createdBy: 'sue', recordDate: '2002-11-15' });
    expect(terms).toMatchObject({ version: 1, reason: 'Original terms, from the program file xo-program.json', recordedBy: 'sue', derived: { expiresAt: '2003-12-08T17:00', expiresAtInstant: '2003-12-08T22:00:00.000Z' } });
    expect(await store.read((r) => r.journal.count())).toBe(before + 1);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'program.created', username: 'sue', payload: { after: { id: program.id }, terms: { version: 1 }, file: source } });
    const history = await termsHistory(store, program.id);
    expect(history.versions.map((v) => v.terms)).toEqual([parsed(xoFile()).terms]);
  });

  it('takes a program from no one (the command line): it names no user, on either store', async () => {
    const { program, terms } = await createProgramFromFile(store, SYSTEM_ACTOR, parsed(xoFile()), source);
    expect(program.createdBy).toBe('(command line)');
    expect(terms.recordedBy).toBe('(command line)');
    expect((await termsHistory(store, program.id)).versions.map((v) => v.recordedBy)).toEqual(['(command line)']);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'program.created', userId: null, username: null });
  });

  it('creates the odd-lot program too, and refuses a CUSIP already in the book, writing nothing', async () => {
    const { sue } = await staffBook(store);
    await createProgramFromFile(store, sue, parsed(oddFile()), { ...source, fileName: 'odd.json' });
    const before = await store.read((r) => r.journal.count());
    const again = createProgramFromFile(store, sue, parsed(oddFile()), source);
    await expect(again).rejects.toBeInstanceOf(DeskFailure);
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT', field: 'cusip', message: 'A program with CUSIP 983764838 already exists in this book ("XO Communications odd-lot program 2003-2004")' });
    expect(await store.read((r) => r.journal.count())).toBe(before);
    expect(await store.read((r) => r.programs.count())).toBe(1);
  });

  it('leaves a new program`s terms open: no certificates are issued yet', async () => {
    const { sue } = await staffBook(store);
    const { program } = await createProgramFromFile(store, sue, parsed(xoFile()), source);
    expect(await store.read((r) => r.certificates.issueOf(program.id))).toBeUndefined();
    await markCertificatesIssued(store, program.id);
    expect(await store.read((r) => r.certificates.issueOf(program.id))).toBeDefined();
  });
});
