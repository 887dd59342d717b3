/**
 * The book's tables as the query layer sees them (Kysely), the same for both stores: integers
 * for ids, counts and share numbers, text for instants (ISO UTC), JSON documents and money.
 */
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
  created_by: number;
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
  recorded_by: number;
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

export interface BookTables {
  search_terms: SearchTermsTable;
  users: UsersTable;
  programs: ProgramsTable;
  holders: HoldersTable;
  holder_events: HolderEventsTable;
  program_terms: ProgramTermsTable;
  journal: JournalTable;
}
