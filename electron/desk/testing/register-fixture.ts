// For register tests: a book with a supervisor and a program with its terms, and register rows
// written as the contract's CSV.
import { writeFileSync } from 'node:fs';
import { cusipCheckDigit } from '../../../shared/domain/cusip';
import { oddLotTermsSchema, rightsOfferingTermsSchema } from '../../../shared/domain/terms';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { REGISTER_COLUMNS, type RawRow } from '../importers/layout';
import { createFirstAdmin } from '../services/accounts';
import { createProgram } from '../services/programs';
import { recordTerms } from '../services/terms';
import type { BookStore } from '../store/port';

/** A valid US holder's row; `over` replaces any column. */
export function goodRow(n: number, over: Partial<RawRow> = {}): RawRow {
  const serial = String(1000 + (n % 9000)).padStart(4, '0');
  return {
    account: `ACC${String(n).padStart(7, '0')}`, registration1: `Holder ${n}`, registration2: '', registration3: '', registration4: '',
    address1: `${n} Main Street`, address2: '', city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US',
    tin: `123-45-${serial}`, tin_type: 'SSN', class: 'A', units: String(100 + n), nominee: '', plan_shares: '0', ...over,
  };
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The rows as the contract's CSV (header first), LF or CRLF. */
export function registerCsv(rows: readonly RawRow[], eol = '\n'): string {
  return [REGISTER_COLUMNS.join(','), ...rows.map((r) => REGISTER_COLUMNS.map((c) => csvField(r[c])).join(','))].join(eol) + eol;
}

export function writeRegisterCsv(file: string, rows: readonly RawRow[], eol = '\n'): string {
  writeFileSync(file, registerCsv(rows, eol));
  return file;
}

let cusipSeq = 0;
const nextCusip = () => {
  const first8 = `98376${String(400 + (cusipSeq++ % 500)).padStart(3, '0')}`;
  return first8 + cusipCheckDigit(first8);
};

export interface RegisterBook {
  readonly supervisor: SessionUser;
  readonly programId: number;
  readonly cusip: string;
}

/** A first administrator (who may do what a supervisor does) and a rights program with the XO terms (classes A, B, C, T; B with 2 unit decimals). */
export async function rightsBook(store: BookStore, options: { unitsDecimalsB?: number } = {}): Promise<RegisterBook> {
  const supervisor = await createFirstAdmin(store, { username: 'sam', displayName: 'Sam Super', password: 'correct horse battery' });
  return { supervisor, ...(await rightsProgram(store, supervisor, options)) };
}

export async function rightsProgram(store: BookStore, by: SessionUser, options: { unitsDecimalsB?: number } = {}): Promise<{ programId: number; cusip: string }> {
  const cusip = nextCusip();
  const program = await createProgram(store, by, { kind: 'rights-offering', name: `Rights ${cusip}`, issuer: 'XO Communications, Inc.', cusip, recordDate: '2003-10-10' });
  const terms = rightsOfferingTermsSchema.parse(XO_TERMS_JSON);
  await recordTerms(store, by, { programId: program.id, reason: 'Original terms', terms });
  if (options.unitsDecimalsB !== undefined) {
    // Class unitsDecimals (a claim in dollars and cents) as the terms will carry it: written as
    // version 2 directly, whether or not this version's terms schema knows the field yet.
    const decimals = options.unitsDecimalsB;
    await store.change({ id: by.id, username: by.username }, 'terms.recorded', async (tx, at) => {
      const after = { ...terms, classes: terms.classes.map((c) => (c.code === 'B' ? { ...c, unitsDecimals: decimals } : c)) };
      await tx.terms.insert({ programId: program.id, version: 2, reason: 'Class B units in dollars and cents', recordedAt: at, recordedBy: by.id, terms: after });
      return { payload: { programId: program.id, version: 2, after }, result: null };
    });
  }
  return { programId: program.id, cusip };
}

export async function oddLotProgram(store: BookStore, by: SessionUser): Promise<{ programId: number; cusip: string }> {
  const cusip = nextCusip();
  const program = await createProgram(store, by, { kind: 'odd-lot', name: `Odd lot ${cusip}`, issuer: 'Odd Lot Co.', cusip, recordDate: '2003-11-14' });
  const terms = oddLotTermsSchema.parse({ kind: 'odd-lot', processingFeePerShare: '0.65', roundLot: 100, recordDate: '2003-11-14', expiresAt: '2004-03-05T17:00', excludedJurisdictions: [], planSharesExcluded: true });
  await recordTerms(store, by, { programId: program.id, reason: 'Original terms', terms });
  return { programId: program.id, cusip };
}
