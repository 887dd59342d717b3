/**
 * Migration 20, intake corrections: a mis-keyed payment is reversed (payment_reversals, and a
 * 'reversed' kind in the escrow ledger), and a DTC instruction can be corrected under its own VOI
 * number while two live instructions with one VOI number stay impossible.
 *
 * The VOI design: `elections` keeps one row per keyed instruction, each with its VOI as DTC gave
 * it. The old UNIQUE (program_id, voi_number) becomes a unique index over (program_id,
 * voi_number, corrects_id or 0): the first instruction with a VOI once, and each correction once
 * per instruction it corrects. A trigger lets a correction in only when the instruction it
 * corrects already has its reversal (the reversal is written first, in the same change), and
 * election_reversals allows one reversal per election. So the instructions of one VOI form a
 * single chain in which every row but the last is reversed: never two live ones, whatever two
 * desks do at the same moment — the database refuses the second, not only the service.
 *
 * SQLite cannot drop an inline UNIQUE or change a CHECK in place: `elections` and
 * `ledger_entries` are rebuilt as migration 9 rebuilt `programs` — rows copied with the same ids
 * and the very same values, triggers and indexes made again — so every row digest the journal
 * holds for them still proves them (a digest covers the row's values by id, not its storage).
 * PostgreSQL alters the constraints in place.
 */
import { intakeSchemaSql } from './schema-intake';
import { dialectSql, type Dialect } from './schema-dialect';

export const INTAKE_FIXES_TABLES = ['payment_reversals'] as const;

const LEDGER_KINDS_BEFORE = "kind IN ('deposited', 'cleared', 'returned', 'refunded', 'paid-to-company')";
const LEDGER_KINDS_NOW = "kind IN ('deposited', 'cleared', 'returned', 'refunded', 'paid-to-company', 'reversed')";
const REFUSAL = 'A correction must name an election already reversed (reverse it first, in the same change)';

function paymentReversalsSql(dialect: Dialect): string {
  const d = dialectSql(dialect);
  const { id, int, text } = d;
  return `
-- A payment withdrawn because it was keyed wrong (§6b): never deleted, never counted again. Its
-- ledger 'reversed' entry takes its money back out of what is held; replaced_by names the payment
-- keyed in its place in the same change (none when the payment should not have been keyed at all).
CREATE TABLE payment_reversals (
  id          ${id},
  payment_id  ${int} NOT NULL UNIQUE REFERENCES payments (id),
  replaced_by ${int} UNIQUE REFERENCES payments (id),
  reason      ${text} NOT NULL CHECK (length(trim(reason)) > 0),
  reversed_at ${text} NOT NULL,
  reversed_by ${int} NOT NULL REFERENCES users (id),
  CHECK (replaced_by IS NULL OR replaced_by <> payment_id)
);
${d.appendOnly('payment_reversals', 'payment record')}
`;
}

/** The CREATE TABLE statement of `table` exactly as migration 11 wrote it. */
function createStatementOf(table: string): string {
  const all = intakeSchemaSql('sqlite');
  const start = all.indexOf(`CREATE TABLE ${table} (`);
  const end = all.indexOf('\n);', start);
  if (start === -1 || end === -1) throw new Error(`Migration 20: no CREATE TABLE ${table} in migration 11`);
  return all.slice(start, end + 3);
}

/** Rebuilds a SQLite table with the same columns and values (same ids), its statement changed by `edit`. */
function rebuildSqlite(table: string, edit: (statement: string) => string, after: string): string {
  const before = createStatementOf(table);
  const statement = edit(before);
  if (statement === before) throw new Error(`Migration 20: the change to ${table} did not apply`);
  return `
CREATE TEMP TABLE ${table}_before_20 AS SELECT * FROM ${table};
DROP TABLE ${table};
${statement}
INSERT INTO ${table} SELECT * FROM temp.${table}_before_20;
DROP TABLE temp.${table}_before_20;
${after}`;
}

function sqliteSql(): string {
  const d = dialectSql('sqlite');
  const elections = rebuildSqlite(
    'elections',
    (s) => s.replace(',\n  UNIQUE (program_id, voi_number)\n);', '\n);'),
    `${d.appendOnly('elections', 'election record')}
CREATE INDEX elections_by_certificate ON elections (certificate_id);
CREATE INDEX elections_by_batch ON elections (batch_id);
CREATE UNIQUE INDEX elections_one_voi_chain ON elections (program_id, voi_number, coalesce(corrects_id, 0));
CREATE TRIGGER elections_correct_reversed BEFORE INSERT ON elections
WHEN NEW.corrects_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM election_reversals r WHERE r.election_id = NEW.corrects_id)
BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END;`,
  );
  const ledger = rebuildSqlite(
    'ledger_entries',
    (s) => s.replace(LEDGER_KINDS_BEFORE, LEDGER_KINDS_NOW),
    `${d.appendOnly('ledger_entries', 'escrow ledger')}
CREATE INDEX ledger_entries_by_day ON ledger_entries (program_id, business_date);
CREATE INDEX ledger_entries_by_payment ON ledger_entries (payment_id);`,
  );
  // Foreign keys cannot be switched off inside the migration's transaction: deferred, the rows
  // that reference a rebuilt table wait for it until the commit checks (see migration 9).
  return `PRAGMA defer_foreign_keys = ON;\n${elections}\n${ledger}\n${paymentReversalsSql('sqlite')}`;
}

function postgresSql(): string {
  return `
ALTER TABLE elections DROP CONSTRAINT elections_program_id_voi_number_key;
CREATE UNIQUE INDEX elections_one_voi_chain ON elections (program_id, voi_number, coalesce(corrects_id, 0));
CREATE FUNCTION elections_correct_reversed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.corrects_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM election_reversals r WHERE r.election_id = NEW.corrects_id) THEN
    RAISE EXCEPTION '${REFUSAL}' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER elections_correct_reversed BEFORE INSERT ON elections FOR EACH ROW EXECUTE FUNCTION elections_correct_reversed();
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (${LEDGER_KINDS_NOW});
${paymentReversalsSql('postgres')}`;
}

export const intakeFixesSchemaSql = (dialect: Dialect): string => (dialect === 'sqlite' ? sqliteSql() : postgresSql());
