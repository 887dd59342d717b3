/**
 * The book's schema, as an ordered list of migrations. A book records every migration applied
 * (table `schema_migrations`) and the latest one in `PRAGMA user_version`; its
 * `PRAGMA application_id` marks the file as an Offering Desk book.
 * Migrations are only ever appended: never edit one that has shipped.
 */

import { intakeSchemaSql } from '../schema-intake';
import { lostSchemaSql } from '../schema-lost';
import { supervisionSchemaSql } from '../schema-supervision';
import { intakeFixesSchemaSql } from '../schema-intake-fixes';

/** 'ODK1' as a big-endian 32-bit integer. */
export const APPLICATION_ID = 0x4f444b31;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** SQLite refuses the statement inside a trigger; the message reaches whoever tried. */
const appendOnly = (table: string, what: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, 'The ${what} is append-only: entries cannot be changed'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, 'The ${what} is append-only: entries cannot be deleted'); END;`;

const noDelete = (table: string, what: string) => `
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${what} are never deleted'); END;`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, programs and the journal',
    sql: `
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE,
  display_name  TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  password_hash TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  created_by    TEXT
);
${noDelete('users', 'Users')}

CREATE TABLE programs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('rights-offering', 'odd-lot')),
  name        TEXT    NOT NULL,
  issuer      TEXT    NOT NULL,
  cusip       TEXT    NOT NULL UNIQUE,
  record_date TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES users (id)
);
${noDelete('programs', 'Programs')}

-- user_id is deliberately not a foreign key: the journal outlives any one users table (restores).
CREATE TABLE journal (
  seq       INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL,
  user_id   INTEGER,
  username  TEXT,
  action    TEXT    NOT NULL,
  payload   TEXT    NOT NULL,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL
);
${appendOnly('journal', 'journal')}
`,
  },
  {
    version: 2,
    name: 'holders and holder events',
    sql: `
CREATE TABLE holders (
  id            INTEGER PRIMARY KEY,
  program_id    INTEGER NOT NULL REFERENCES programs (id),
  account       TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  address       TEXT    NOT NULL,
  country       TEXT    NOT NULL,
  tin_encrypted BLOB,
  shares        INTEGER NOT NULL CHECK (shares >= 0)
);
CREATE UNIQUE INDEX holders_by_program_account ON holders (program_id, account);

CREATE TABLE holder_events (
  id         INTEGER PRIMARY KEY,
  holder_id  INTEGER NOT NULL REFERENCES holders (id),
  at         TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  note       TEXT    NOT NULL,
  created_by INTEGER REFERENCES users (id)
);
CREATE INDEX holder_events_by_holder ON holder_events (holder_id);
${noDelete('holder_events', 'Holder events')}
`,
  },
  {
    version: 3,
    name: 'versioned program terms',
    sql: `
-- Each version of a program's terms is a row of its own; an extension is a new row.
CREATE TABLE program_terms (
  id          INTEGER PRIMARY KEY,
  program_id  INTEGER NOT NULL REFERENCES programs (id),
  version     INTEGER NOT NULL CHECK (version >= 1),
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_at TEXT    NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  terms       TEXT    NOT NULL CHECK (json_valid(terms)),
  UNIQUE (program_id, version)
);
CREATE TRIGGER program_terms_no_update BEFORE UPDATE ON program_terms
BEGIN SELECT RAISE(ABORT, 'Program terms are versioned: a version cannot be changed, record a new one'); END;
CREATE TRIGGER program_terms_no_delete BEFORE DELETE ON program_terms
BEGIN SELECT RAISE(ABORT, 'Program terms are versioned: a version is never deleted'); END;
`,
  },
  {
    version: 4,
    name: 'search index',
    sql: `
-- The words each program and user is found by (search-terms.ts); derived from their rows,
-- written in the same change, rebuilt from them when missing.
CREATE TABLE search_terms (
  kind   TEXT    NOT NULL CHECK (kind IN ('program', 'user', 'holder')),
  ref_id INTEGER NOT NULL,
  term   TEXT    NOT NULL,
  PRIMARY KEY (term, kind, ref_id)
) WITHOUT ROWID;
CREATE INDEX search_terms_by_ref ON search_terms (kind, ref_id);
`,
  },
  {
    version: 5,
    name: 'password resets and last sign-in',
    sql: `
-- An administrator's reset leaves a temporary password, to be changed at the next sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
-- When the user last signed in (each sign-in is in the journal too), for the users list;
-- books that already have sign-ins take the last one from the journal.
ALTER TABLE users ADD COLUMN last_signed_in_at TEXT;
UPDATE users SET last_signed_in_at = (SELECT MAX(at) FROM journal WHERE action = 'session.signedIn' AND journal.user_id = users.id);
`,
  },
  {
    version: 6,
    name: 'row digests in the journal',
    sql: `
-- The digests of the business rows each change wrote (store/row-digests.ts), hashed into the
-- entry with its payload, so verify can prove every row from the journal. NULL in older entries.
ALTER TABLE journal ADD COLUMN row_digests TEXT;
`,
  },
  {
    version: 7,
    name: 'sign-in failures and lockouts',
    sql: `
-- Consecutive failed sign-ins of each known user (since the last success or an administrator's
-- unlock), written when a minute's count is journaled; locked_at is set by the tenth.
CREATE TABLE sign_in_failures (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL UNIQUE REFERENCES users (id),
  failures       INTEGER NOT NULL CHECK (failures >= 0),
  last_failed_at TEXT,
  locked_at      TEXT
);
`,
  },
  {
    version: 8,
    name: 'record-date registers, import layouts, TIN keys, certificates and amendments',
    sql: `
-- Which data key encrypts this book's TINs: its id and a check value, never the key itself.
CREATE TABLE tin_keys (
  id         INTEGER PRIMARY KEY,
  key_id     TEXT    NOT NULL UNIQUE,
  key_check  TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  created_by INTEGER REFERENCES users (id)
);
${noDelete('tin_keys', 'TIN keys')}

-- An issuer's file layouts, by name; saving a layout again records a new version.
CREATE TABLE import_layouts (
  id       INTEGER PRIMARY KEY,
  issuer   TEXT    NOT NULL,
  name     TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  version  INTEGER NOT NULL CHECK (version >= 1),
  format   TEXT    NOT NULL CHECK (format IN ('csv', 'fixed', 'xlsx')),
  spec     TEXT    NOT NULL CHECK (json_valid(spec)),
  saved_at TEXT    NOT NULL,
  saved_by INTEGER REFERENCES users (id),
  UNIQUE (issuer, name, version)
);
${appendOnly('import_layouts', 'layout history')}

CREATE TABLE register_imports (
  id             INTEGER PRIMARY KEY,
  program_id     INTEGER NOT NULL REFERENCES programs (id),
  file_name      TEXT    NOT NULL,
  file_sha256    TEXT    NOT NULL CHECK (length(file_sha256) = 64),
  layout         TEXT    NOT NULL,
  row_count      INTEGER NOT NULL CHECK (row_count >= 0),
  imported       INTEGER NOT NULL CHECK (imported >= 0),
  rejected       INTEGER NOT NULL CHECK (rejected >= 0),
  good_rows_only INTEGER NOT NULL CHECK (good_rows_only IN (0, 1)),
  imported_at    TEXT    NOT NULL,
  imported_by    INTEGER REFERENCES users (id)
);
${appendOnly('register_imports', 'register import log')}

-- The record-date register exactly as imported: one row per (account, class), never rewritten
-- (a holder's later change of address is recorded elsewhere). units and plan_shares are decimal
-- text, never floating point; class is '' for an odd-lot program's blank class.
CREATE TABLE register_entries (
  id            INTEGER PRIMARY KEY,
  program_id    INTEGER NOT NULL REFERENCES programs (id),
  import_id     INTEGER NOT NULL REFERENCES register_imports (id),
  line          INTEGER NOT NULL CHECK (line >= 1),
  account       TEXT    NOT NULL CHECK (length(account) > 0),
  class         TEXT    NOT NULL,
  registration1 TEXT    NOT NULL,
  registration2 TEXT    NOT NULL,
  registration3 TEXT    NOT NULL,
  registration4 TEXT    NOT NULL,
  address1      TEXT    NOT NULL,
  address2      TEXT    NOT NULL,
  city          TEXT    NOT NULL,
  state         TEXT    NOT NULL,
  postal_code   TEXT    NOT NULL,
  country       TEXT    NOT NULL CHECK (length(country) = 2),
  tin_type      TEXT    NOT NULL CHECK (tin_type IN ('SSN', 'ITIN', 'EIN', 'NONE')),
  tin_last4     TEXT,
  tin_encrypted BLOB,
  units         TEXT    NOT NULL,
  nominee       TEXT    NOT NULL,
  plan_shares   TEXT    NOT NULL,
  UNIQUE (program_id, account, class)
);
${appendOnly('register_entries', 'record-date register')}
CREATE INDEX register_entries_by_tin_last4 ON register_entries (program_id, tin_last4);
CREATE INDEX register_entries_by_postal_code ON register_entries (program_id, postal_code);

-- The words of each entry's registration, for partial name search; derived from the entries.
CREATE TABLE register_words (
  word     TEXT    NOT NULL,
  entry_id INTEGER NOT NULL,
  PRIMARY KEY (word, entry_id)
) WITHOUT ROWID;

-- One issue per program (a second is refused): its counts and totals per class.
CREATE TABLE certificate_issues (
  id           INTEGER PRIMARY KEY,
  program_id   INTEGER NOT NULL UNIQUE REFERENCES programs (id),
  issued_at    TEXT    NOT NULL,
  issued_by    INTEGER REFERENCES users (id),
  certificates INTEGER NOT NULL CHECK (certificates >= 0),
  totals       TEXT    NOT NULL CHECK (json_valid(totals))
);
${appendOnly('certificate_issues', 'certificate issue')}

-- Certificates are never changed or deleted: what happens to one is an event of its own.
CREATE TABLE certificates (
  id          INTEGER PRIMARY KEY,
  program_id  INTEGER NOT NULL REFERENCES programs (id),
  issue_id    INTEGER REFERENCES certificate_issues (id),
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  number      TEXT    NOT NULL,
  class       TEXT    NOT NULL,
  entry_id    INTEGER NOT NULL REFERENCES register_entries (id),
  account     TEXT    NOT NULL,
  units       TEXT    NOT NULL,
  firm_rights INTEGER NOT NULL CHECK (firm_rights >= 0),
  held        INTEGER NOT NULL CHECK (held IN (0, 1)),
  issued_at   TEXT    NOT NULL,
  UNIQUE (program_id, seq),
  UNIQUE (program_id, number)
);
${appendOnly('certificates', 'certificate record')}
CREATE INDEX certificates_by_number ON certificates (number);
CREATE INDEX certificates_by_account ON certificates (program_id, account);

CREATE TABLE certificate_events (
  id             INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id),
  at             TEXT    NOT NULL,
  kind           TEXT    NOT NULL,
  detail         TEXT    NOT NULL CHECK (json_valid(detail)),
  created_by     INTEGER REFERENCES users (id)
);
${appendOnly('certificate_events', 'certificate history')}
CREATE INDEX certificate_events_by_certificate ON certificate_events (certificate_id);

-- An amendment of terms once certificates are out: proposed by one supervisor, decided by another.
CREATE TABLE terms_amendments (
  id          INTEGER PRIMARY KEY,
  program_id  INTEGER NOT NULL REFERENCES programs (id),
  base_version INTEGER NOT NULL CHECK (base_version >= 1),
  terms       TEXT    NOT NULL CHECK (json_valid(terms)),
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  proposed_at TEXT    NOT NULL,
  proposed_by INTEGER NOT NULL REFERENCES users (id),
  decision    TEXT    CHECK (decision IN ('approved', 'rejected')),
  decided_at  TEXT,
  decided_by  INTEGER REFERENCES users (id),
  decision_note TEXT,
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
${noDelete('terms_amendments', 'Amendments')}
`,
  },
  {
    version: 9,
    name: 'programs and terms from the command line name no user',
    // SQLite cannot drop a NOT NULL constraint in place: each table is rebuilt with its rows
    // unchanged (same ids) and its triggers made again. Foreign keys cannot be switched off inside
    // the migration's transaction, so they are deferred: dropping the old table leaves the rows
    // that reference it waiting for their parent, and copying the rows back into the new table of
    // the same name gives it back to them before the commit checks.
    sql: `
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE programs_before_9 AS SELECT * FROM programs;
DROP TABLE programs;
CREATE TABLE programs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('rights-offering', 'odd-lot')),
  name        TEXT    NOT NULL,
  issuer      TEXT    NOT NULL,
  cusip       TEXT    NOT NULL UNIQUE,
  record_date TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  -- NULL: created from the command line, where no one is signed in (the journal says so).
  created_by  INTEGER REFERENCES users (id)
);
INSERT INTO programs (id, kind, name, issuer, cusip, record_date, created_at, created_by)
  SELECT id, kind, name, issuer, cusip, record_date, created_at, created_by FROM temp.programs_before_9;
DROP TABLE temp.programs_before_9;
${noDelete('programs', 'Programs')}

CREATE TEMP TABLE program_terms_before_9 AS SELECT * FROM program_terms;
DROP TABLE program_terms;
CREATE TABLE program_terms (
  id          INTEGER PRIMARY KEY,
  program_id  INTEGER NOT NULL REFERENCES programs (id),
  version     INTEGER NOT NULL CHECK (version >= 1),
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_at TEXT    NOT NULL,
  -- NULL: recorded from the command line with its program.
  recorded_by INTEGER REFERENCES users (id),
  terms       TEXT    NOT NULL CHECK (json_valid(terms)),
  UNIQUE (program_id, version)
);
INSERT INTO program_terms (id, program_id, version, reason, recorded_at, recorded_by, terms)
  SELECT id, program_id, version, reason, recorded_at, recorded_by, terms FROM temp.program_terms_before_9;
DROP TABLE temp.program_terms_before_9;
CREATE TRIGGER program_terms_no_update BEFORE UPDATE ON program_terms
BEGIN SELECT RAISE(ABORT, 'Program terms are versioned: a version cannot be changed, record a new one'); END;
CREATE TRIGGER program_terms_no_delete BEFORE DELETE ON program_terms
BEGIN SELECT RAISE(ABORT, 'Program terms are versioned: a version is never deleted'); END;
`,
  },
  {
    version: 10,
    name: 'register words by entry',
    sql: `
-- A name search checks each further word against the candidates of its rarest one: an entry's words by entry.
CREATE INDEX register_words_by_entry ON register_words (entry_id, word);
`,
  },
  { version: 11, name: 'intake: mail log, elections, payments and the escrow ledger', sql: intakeSchemaSql('sqlite') },
  { version: 18, name: 'lost certificates: indemnity settings, cases, bonds and their events', sql: lostSchemaSql('sqlite') },
  { version: 19, name: 'supervisor desk: decisions, scheduled refunds, letters', sql: supervisionSchemaSql('sqlite') },
  { version: 20, name: 'intake corrections: payment reversals, a DTC instruction corrected under its VOI number', sql: intakeFixesSchemaSql('sqlite') },
];

/** The newest schema this program knows; a book with a higher user_version is refused. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
