import type { Database } from 'better-sqlite3';
import type { ProgramKind } from '../../../../shared/ipc/schemas';

export interface ProgramRecord {
  readonly id: number;
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

interface Row {
  id: number;
  kind: ProgramKind;
  name: string;
  issuer: string;
  cusip: string;
  record_date: string;
  created_at: string;
  created_by: string;
}

const toProgram = (r: Row): ProgramRecord => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  issuer: r.issuer,
  cusip: r.cusip,
  recordDate: r.record_date,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const SELECT = `SELECT p.id, p.kind, p.name, p.issuer, p.cusip, p.record_date, p.created_at, u.username AS created_by
  FROM programs p JOIN users u ON u.id = p.created_by`;

export function programsRepo(db: Database) {
  const byId = db.prepare(`${SELECT} WHERE p.id = ?`);
  const byCusip = db.prepare(`${SELECT} WHERE p.cusip = ?`);
  const all = db.prepare(`${SELECT} ORDER BY p.record_date DESC, p.id DESC`);
  const insert = db.prepare(
    'INSERT INTO programs (kind, name, issuer, cusip, record_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  return {
    byId: (id: number): ProgramRecord | undefined => {
      const row = byId.get(id) as Row | undefined;
      return row && toProgram(row);
    },
    byCusip: (cusip: string): ProgramRecord | undefined => {
      const row = byCusip.get(cusip) as Row | undefined;
      return row && toProgram(row);
    },
    list: (): ProgramRecord[] => (all.all() as Row[]).map(toProgram),
    insert(p: { kind: ProgramKind; name: string; issuer: string; cusip: string; recordDate: string; createdAt: string; createdBy: number }): ProgramRecord {
      const info = insert.run(p.kind, p.name, p.issuer, p.cusip, p.recordDate, p.createdAt, p.createdBy);
      return toProgram(byId.get(info.lastInsertRowid) as Row);
    },
  };
}
export type ProgramsRepo = ReturnType<typeof programsRepo>;
