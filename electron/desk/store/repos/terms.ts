import type { Database } from 'better-sqlite3';

/** One stored version of a program's terms; `terms` is the JSON document as recorded. */
export interface TermsRecord {
  readonly programId: number;
  readonly version: number;
  readonly reason: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly terms: unknown;
}

interface Row {
  program_id: number;
  version: number;
  reason: string;
  recorded_at: string;
  recorded_by: string;
  terms: string;
}

const toRecord = (r: Row): TermsRecord => ({
  programId: r.program_id,
  version: r.version,
  reason: r.reason,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  terms: JSON.parse(r.terms) as unknown,
});

const SELECT = `SELECT t.program_id, t.version, t.reason, t.recorded_at, u.username AS recorded_by, t.terms
  FROM program_terms t JOIN users u ON u.id = t.recorded_by`;

/** Program terms: versions are only ever appended (the table's triggers refuse UPDATE and DELETE). */
export function termsRepo(db: Database) {
  const history = db.prepare(`${SELECT} WHERE t.program_id = ? ORDER BY t.version`);
  const one = db.prepare(`${SELECT} WHERE t.program_id = ? AND t.version = ?`);
  const insert = db.prepare('INSERT INTO program_terms (program_id, version, reason, recorded_at, recorded_by, terms) VALUES (?, ?, ?, ?, ?, ?)');

  return {
    /** Every version of a program's terms, oldest first (empty when none is recorded yet). */
    history: (programId: number): TermsRecord[] => (history.all(programId) as Row[]).map(toRecord),
    insert(t: { programId: number; version: number; reason: string; recordedAt: string; recordedBy: number; terms: unknown }): TermsRecord {
      insert.run(t.programId, t.version, t.reason, t.recordedAt, t.recordedBy, JSON.stringify(t.terms));
      return toRecord(one.get(t.programId, t.version) as Row);
    },
  };
}
export type TermsRepo = ReturnType<typeof termsRepo>;
