/**
 * Test fixture: the XO rights offering (classes A BLUE 1, B GREEN 0.1, C RED 0 oversubscription
 * only, T transferable stage 2) with its terms recorded and a record-date register written the
 * way an import writes it (one import record, then its entries) — holders with diacritics and
 * one outside the United States.
 */
import { rightsOfferingTermsSchema } from '../../../shared/domain';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { createFirstAdmin } from '../services/accounts';
import { createProgram } from '../services/programs';
import { recordTerms } from '../services/terms';
import { actorOf } from '../services/views';
import type { BookStore, NewRegisterEntry } from '../store/port';

export const XO_CUSIP = '983764176';

type EntryFacts = Pick<NewRegisterEntry, 'account' | 'class' | 'units'> & Partial<NewRegisterEntry>;

export function entry(facts: EntryFacts, line: number): NewRegisterEntry {
  return {
    line,
    registration: ['Holder ' + facts.account, '', '', ''],
    address1: '1 Main Street',
    address2: '',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    country: 'US',
    tinType: 'NONE',
    tinLast4: null,
    tinEncrypted: null,
    nominee: '',
    planShares: '0',
    ...facts,
  };
}

/** Seven entries of five holders; line numbers count the file's header as line 1. */
export const XO_REGISTER: readonly NewRegisterEntry[] = ([
  { account: 'H-1001', class: 'A', units: '1234', registration: ['Zofia Łódź-Nowak', '', '', ''], address1: 'ul. Piotrkowska 12', city: 'Łódź', state: '', postalCode: '90-001', country: 'PL' },
  { account: 'H-1002', class: 'B', units: '12345', registration: ['Jürgen Müller', 'Anna Müller JT TEN', '', ''], address1: '12 Oak Avenue', address2: 'Apt 4', city: 'Evanston', state: 'IL', postalCode: '60201-1234' },
  { account: 'H-1002', class: 'C', units: '500', registration: ['Jürgen Müller', 'Anna Müller JT TEN', '', ''], address1: '12 Oak Avenue', address2: 'Apt 4', city: 'Evanston', state: 'IL', postalCode: '60201-1234' },
  { account: 'H-1003', class: 'A', units: '999', registration: ['Nguyễn Văn An', '', '', ''], address1: '77 Bellaire Blvd', city: 'Houston', state: 'TX', postalCode: '77036' },
  { account: 'H-1004', class: 'B', units: '9', registration: ['Cede & Co', 'FBO Small Holder', '', ''], nominee: 'Cede & Co', address1: '55 Water Street', city: 'New York', state: 'NY', postalCode: '10041' },
  { account: 'H-2001', class: 'T', units: '2500000', registration: ['First Senior Lender Bank N.A.', 'Attn: Loan Operations', '', ''], address1: '1 Wall Street', city: 'New York', state: 'NY', postalCode: '10005' },
  { account: 'H-1005', class: 'A', units: '40', registration: ['Marie-Hélène Dubois', '', '', ''], address1: '8 rue de Rivoli', city: 'Paris', state: '', postalCode: '75004', country: 'FR' },
] satisfies EntryFacts[]).map((facts, i) => entry(facts, i + 2));

/** `count` entries of class A–C in turn, every tenth one abroad: for bulk runs. */
export function manyEntries(count: number): NewRegisterEntry[] {
  const classes = ['A', 'B', 'C'] as const;
  return Array.from({ length: count }, (_, i) =>
    entry(
      {
        account: `B-${String(i + 1).padStart(7, '0')}`,
        class: classes[i % 3] ?? 'A',
        units: String(100 + (i % 997)),
        registration: [`Holder Łódź-Nowak ${i + 1}`, '', '', ''],
        ...(i % 10 === 9 ? { country: 'CA', state: 'ON', city: 'Toronto', postalCode: 'M5H 2N2' } : {}),
      },
      i + 2,
    ),
  );
}

export interface XoBook {
  readonly programId: number;
  readonly supervisor: SessionUser;
}

/** Creates the first administrator (who also supervises), the XO program and its terms. */
export async function xoProgram(store: BookStore, kind: 'rights-offering' | 'odd-lot' = 'rights-offering'): Promise<XoBook> {
  const supervisor = await createFirstAdmin(store, { username: 'sam', displayName: 'Sam Supervisor', password: 'correct horse battery' });
  const program = await createProgram(store, supervisor, { kind, name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' });
  if (kind === 'rights-offering') await recordTerms(store, supervisor, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  return { programId: program.id, supervisor };
}

/** Writes `entries` as one import of the program's register. */
export async function writeRegister(store: BookStore, book: XoBook, entries: readonly NewRegisterEntry[] = XO_REGISTER): Promise<void> {
  await store.change(actorOf(book.supervisor), 'register.imported', async (tx, at) => {
    const record = await tx.register.insertImport({
      programId: book.programId,
      fileName: 'register.csv',
      fileSha256: '0'.repeat(64),
      layout: 'default',
      rowCount: entries.length,
      imported: entries.length,
      rejected: 0,
      goodRowsOnly: false,
      importedAt: at,
      importedBy: book.supervisor.id,
    });
    await tx.register.insertEntries(book.programId, record.id, entries);
    return { payload: { importId: record.id, rows: entries.length }, result: null };
  });
}

/** The XO program with its register: what issuing certificates needs. */
export async function xoBookWithRegister(store: BookStore, entries: readonly NewRegisterEntry[] = XO_REGISTER): Promise<XoBook> {
  const book = await xoProgram(store);
  await writeRegister(store, book, entries);
  return book;
}
