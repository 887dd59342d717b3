/**
 * The book's tables as the query layer sees them (Kysely), the same for both stores: integers
 * for ids, counts and share numbers, text for instants (ISO UTC), JSON documents and money.
 */
import type { IntakeTables } from './tables-intake';
import type { LostTables } from './tables-lost';
import type { SupervisionTables } from './tables-supervision';
import type { Generated } from 'kysely';
import type { ProgramKind, Role } from '../../../shared/ipc/schemas';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  password_hash: string;
  created_at: string;
  created_by: string | null;
  must_change_password: Generated<number>;
  last_signed_in_at: string | null;
}

export interface ProgramsTable {
  id: Generated<number>;
  kind: ProgramKind;
  name: string;
  issuer: string;
  cusip: string;
  record_date: string;
  created_at: string;
  created_by: number | null;
}

export interface HoldersTable {
  id: Generated<number>;
  program_id: number;
  account: string;
  name: string;
  address: string;
  country: string;
  tin_encrypted: Uint8Array | null;
  shares: number;
}

export interface HolderEventsTable {
  id: Generated<number>;
  holder_id: number;
  at: string;
  kind: string;
  note: string;
  created_by: number | null;
}

export interface ProgramTermsTable {
  id: Generated<number>;
  program_id: number;
  version: number;
  reason: string;
  recorded_at: string;
  recorded_by: number | null;
  terms: string;
}

export interface JournalTable {
  seq: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  /** Canonical JSON text, exactly as hashed (never a JSON column type, which would reorder keys). */
  payload: string;
  prev_hash: string;
  hash: string;
  /** Canonical JSON of the rows this change wrote (row-digests.ts), hashed with the entry; NULL before version 6. */
  row_digests: string | null;
}

export interface SearchTermsTable {
  kind: 'program' | 'user' | 'holder';
  ref_id: number;
  term: string;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  user_id: number;
  failures: number;
  last_failed_at: string | null;
  locked_at: string | null;
}

export interface TinKeysTable {
  id: Generated<number>;
  key_id: string;
  key_check: string;
  created_at: string;
  created_by: number | null;
}

export type LayoutFormat = 'csv' | 'fixed' | 'xlsx';

export interface ImportLayoutsTable {
  id: Generated<number>;
  issuer: string;
  name: string;
  version: number;
  format: LayoutFormat;
  /** JSON: the layout's column mapping (importers decide its shape). */
  spec: string;
  saved_at: string;
  saved_by: number | null;
}

export interface RegisterImportsTable {
  id: Generated<number>;
  program_id: number;
  file_name: string;
  file_sha256: string;
  layout: string;
  row_count: number;
  imported: number;
  rejected: number;
  good_rows_only: number;
  imported_at: string;
  imported_by: number | null;
}

export type TinType = 'SSN' | 'ITIN' | 'EIN' | 'NONE';

export interface RegisterEntriesTable {
  id: Generated<number>;
  program_id: number;
  import_id: number;
  line: number;
  account: string;
  class: string;
  registration1: string;
  registration2: string;
  registration3: string;
  registration4: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  tin_type: TinType;
  tin_last4: string | null;
  tin_encrypted: Uint8Array | null;
  /** Decimal text, exactly as validated (never a float). */
  units: string;
  nominee: string;
  plan_shares: string;
}

export interface RegisterWordsTable {
  word: string;
  entry_id: number;
}

export interface CertificateIssuesTable {
  id: Generated<number>;
  program_id: number;
  issued_at: string;
  issued_by: number | null;
  certificates: number;
  /** JSON: counts and totals per class. */
  totals: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  program_id: number;
  issue_id: number | null;
  seq: number;
  number: string;
  class: string;
  entry_id: number;
  account: string;
  units: string;
  firm_rights: number;
  held: number;
  issued_at: string;
}

export interface CertificateEventsTable {
  id: Generated<number>;
  certificate_id: number;
  at: string;
  kind: string;
  /** JSON object. */
  detail: string;
  created_by: number | null;
}

export interface TermsAmendmentsTable {
  id: Generated<number>;
  program_id: number;
  base_version: number;
  terms: string;
  reason: string;
  proposed_at: string;
  proposed_by: number;
  decision: 'approved' | 'rejected' | null;
  decided_at: string | null;
  decided_by: number | null;
  decision_note: string | null;
}

export interface BookTables extends IntakeTables, LostTables, SupervisionTables {
  search_terms: SearchTermsTable;
  users: UsersTable;
  programs: ProgramsTable;
  holders: HoldersTable;
  holder_events: HolderEventsTable;
  program_terms: ProgramTermsTable;
  journal: JournalTable;
  sign_in_failures: SignInFailuresTable;
  tin_keys: TinKeysTable;
  import_layouts: ImportLayoutsTable;
  register_imports: RegisterImportsTable;
  register_entries: RegisterEntriesTable;
  register_words: RegisterWordsTable;
  certificate_issues: CertificateIssuesTable;
  certificates: CertificatesTable;
  certificate_events: CertificateEventsTable;
  terms_amendments: TermsAmendmentsTable;
}
