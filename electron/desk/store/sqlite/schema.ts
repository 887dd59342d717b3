/**
 * The book's schema, as an ordered list of migrations. A book records every migration applied
 * (table `schema_migrations`) and the latest one in `PRAGMA user_version`; its
 * `PRAGMA application_id` marks the file as an Offering Desk book.
 * Migrations are only ever appended: never edit one that has shipped.
 */

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
];

/** The newest schema this program knows; a book with a higher user_version is refused. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
