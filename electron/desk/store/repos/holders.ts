import type { Database } from 'better-sqlite3';

export interface HolderRecord {
  readonly id: number;
  readonly programId: number;
  readonly account: string;
  readonly name: string;
  readonly address: string;
  readonly country: string;
  readonly shares: number;
}

export interface NewHolder {
  readonly programId: number;
  readonly account: string;
  readonly name: string;
  readonly address: string;
  readonly country: string;
  readonly tinEncrypted: Uint8Array | null;
  readonly shares: number;
}

interface Row {
  id: number;
  program_id: number;
  account: string;
  name: string;
  address: string;
  country: string;
  shares: number;
}

const toHolder = (r: Row): HolderRecord => ({
  id: r.id,
  programId: r.program_id,
  account: r.account,
  name: r.name,
  address: r.address,
  country: r.country,
  shares: r.shares,
});

// The encrypted TIN is never selected here: screens get it only through a service that needs it.
export function holdersRepo(db: Database) {
  const byAccount = db.prepare('SELECT id, program_id, account, name, address, country, shares FROM holders WHERE program_id = ? AND account = ?');
  const insert = db.prepare(
    'INSERT INTO holders (program_id, account, name, address, country, tin_encrypted, shares) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('INSERT INTO holder_events (holder_id, at, kind, note, created_by) VALUES (?, ?, ?, ?, ?)');
  const countByProgram = db.prepare('SELECT count(*) AS n FROM holders WHERE program_id = ?');

  return {
    byAccount: (programId: number, account: string): HolderRecord | undefined => {
      const row = byAccount.get(programId, account) as Row | undefined;
      return row && toHolder(row);
    },
    count: (programId: number): number => (countByProgram.get(programId) as { n: number }).n,
    /** Many rows at once; call inside one transaction (the caller's change) for speed. */
    insertMany(holders: Iterable<NewHolder>): number {
      let n = 0;
      for (const h of holders) {
        insert.run(h.programId, h.account, h.name, h.address, h.country, h.tinEncrypted, h.shares);
        n += 1;
      }
      return n;
    },
    addEvent(e: { holderId: number; at: string; kind: string; note: string; createdBy: number | null }): number {
      return Number(insertEvent.run(e.holderId, e.at, e.kind, e.note, e.createdBy).lastInsertRowid);
    },
  };
}
export type HoldersRepo = ReturnType<typeof holdersRepo>;
