/**
 * The store port's part for record-date registers, import layouts and the TIN key: plain types,
 * no driver types. The register is written once per import and never rewritten.
 */
import type { RowWindow } from './port';
import type { RegisterRowText } from './register-row-text';

export type TinType = 'SSN' | 'ITIN' | 'EIN' | 'NONE';
export type LayoutFormat = 'csv' | 'fixed' | 'xlsx';

/** Which data key encrypts the book's TINs: its id and a check value (never the key). */
export interface TinKeyRecord {
  readonly keyId: string;
  readonly keyCheck: string;
  readonly createdAt: string;
}

/** One saved version of an issuer's file layout; `spec` is the importers' own JSON. */
export interface LayoutRecord {
  readonly id: number;
  readonly issuer: string;
  readonly name: string;
  readonly version: number;
  readonly format: LayoutFormat;
  readonly spec: unknown;
  readonly savedAt: string;
  readonly savedBy: string | null;
}

export interface NewLayout {
  readonly issuer: string;
  readonly name: string;
  readonly format: LayoutFormat;
  readonly spec: unknown;
  readonly savedAt: string;
  readonly savedBy: number | null;
}

export interface RegisterImportRecord {
  readonly id: number;
  readonly programId: number;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly layout: string;
  readonly rowCount: number;
  readonly imported: number;
  readonly rejected: number;
  readonly goodRowsOnly: boolean;
  readonly importedAt: string;
  readonly importedBy: string | null;
}

export type NewRegisterImport = Omit<RegisterImportRecord, 'id' | 'importedBy'> & {
  readonly importedBy: number | null;
  /** The key deferImportRecord gave, when the entries were written first. */
  readonly id?: number;
};

/** A row of the record-date register as the screens see it: the TIN only as its type and last four. */
export interface RegisterEntryRecord {
  readonly id: number;
  readonly programId: number;
  readonly importId: number;
  readonly line: number;
  readonly account: string;
  /** '' for an odd-lot program's blank class. */
  readonly class: string;
  /** registration1..4; unused lines are ''. */
  readonly registration: readonly [string, string, string, string];
  readonly address1: string;
  readonly address2: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country: string;
  readonly tinType: TinType;
  readonly tinLast4: string | null;
  /** Whether an encrypted TIN is stored (what `encryptedTin` would return). */
  readonly hasTin: boolean;
  /** Decimal text as validated: never a float. */
  readonly units: string;
  readonly nominee: string;
  readonly planShares: string;
}

/** A row as an import writes it: the record's columns, with the TIN's ciphertext instead of whether there is one. */
export type NewRegisterEntry = Omit<RegisterEntryRecord, 'id' | 'programId' | 'importId' | 'hasTin'> & { readonly tinEncrypted: Uint8Array | null };

/** What a register search may ask; every given criterion must hold. */
export interface RegisterQuery {
  readonly programId?: number | undefined;
  /** Exact account. */
  readonly account?: string | undefined;
  /** Each a prefix of a word of the registration (folded as search-terms.ts folds). */
  readonly nameWords?: readonly string[] | undefined;
  readonly tinLast4?: string | undefined;
  /** Exact, or the first five digits of a ZIP+4. */
  readonly postalCode?: string | undefined;
}

export interface RegisterReader {
  tinKey(): Promise<TinKeyRecord | undefined>;
  /** The newest version of each of an issuer's layouts, by name. */
  layouts(issuer: string): Promise<LayoutRecord[]>;
  layout(issuer: string, name: string): Promise<LayoutRecord | undefined>;
  imports(programId: number): Promise<RegisterImportRecord[]>;
  count(programId: number): Promise<number>;
  entryById(id: number): Promise<RegisterEntryRecord | undefined>;
  /** A window of the register in (account, class) order: what the grid shows. */
  entries(programId: number, window: RowWindow): Promise<RegisterEntryRecord[]>;
  /** Entries after `afterId` in id (import) order, for streaming the whole register. */
  entriesAfter(programId: number, afterId: number, limit: number): Promise<RegisterEntryRecord[]>;
  /** The entries with these ids (any order; ids not found are left out): a page of certificates' registrations. */
  entriesByIds(ids: readonly number[]): Promise<RegisterEntryRecord[]>;
  /** Every row of one account (one per class). */
  byAccount(programId: number, account: string): Promise<RegisterEntryRecord[]>;
  find(query: RegisterQuery, limit: number): Promise<RegisterEntryRecord[]>;
  /** The stored ciphertext, for the few services that need the TIN itself. */
  encryptedTin(entryId: number): Promise<Uint8Array | null>;
}

export interface RegisterWriter extends RegisterReader {
  insertTinKey(key: TinKeyRecord & { readonly createdBy: number | null }): Promise<void>;
  /** Records the next version of the named layout. */
  saveLayout(layout: NewLayout): Promise<LayoutRecord>;
  /**
   * Lets this change write an import's entries before the import's record (which needs their
   * counts), and gives the key that record must then be inserted with; null where the store
   * checks every reference at once (PostgreSQL): the record is then written first. Call after
   * anything else this change wrote to register_imports, under the change's write lock.
   */
  deferImportRecord(): Promise<number | null>;
  insertImport(record: NewRegisterImport): Promise<RegisterImportRecord>;
  /** Many entries of one import at once, inside the caller's change (chunked; indexes their words). */
  insertEntries(programId: number, importId: number, entries: readonly NewRegisterEntry[]): Promise<number>;
  /** As insertEntries, for entries already made into their canonical text as they were checked (register-row-text.ts). */
  insertEntryTexts(programId: number, importId: number, entries: readonly RegisterRowText[]): Promise<number>;
  /**
   * Runs `write`, which inserts about `rows` entries, with the register's search indexes built
   * once afterwards instead of kept up row by row, when that is cheaper: on a SQLite book whose
   * register holds fewer entries than are written. The indexes are made again from their own SQL
   * as the book stores it, before `write`'s result is returned, so the book's schema is the same
   * after as before; a failure rolls the change back, indexes included. Elsewhere it only runs `write`.
   */
  withIndexesBuiltAfter<T>(rows: number, write: () => Promise<T>): Promise<T>;
}
