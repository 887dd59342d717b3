import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgramFromFile, parseProgramFile, type ProgramFromFile } from '../../services/program-file';
import { fixtureJson, ODD_LOT_PROGRAM_FILE } from '../../testing/program-fixtures';
import { fakeClock, tempDir } from '../../testing/temp';
import { verifyLocation } from '../open-store';
import { SYSTEM_ACTOR } from '../port';
import { migrate } from './migrate';
import { openSqliteBook } from './open';
import { MIGRATIONS, SCHEMA_VERSION } from './schema';

let t: ReturnType<typeof tempDir>;
const clock = fakeClock();
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

const ROWS = {
  programs: 'SELECT * FROM programs ORDER BY id',
  program_terms: 'SELECT * FROM program_terms ORDER BY id',
  holders: 'SELECT * FROM holders ORDER BY id',
  certificate_issues: 'SELECT * FROM certificate_issues ORDER BY id',
  terms_amendments: 'SELECT * FROM terms_amendments ORDER BY id',
};

/** A book of version 8 with a program, its terms, and rows of other tables that reference it. */
function version8Book(): string {
  const file = t.file('v8.book');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, clock.now, MIGRATIONS.filter((m) => m.version <= 8));
  db.exec(`
    INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'sue', 'Sue', 'supervisor', 'x', 'then'), (2, 'sam', 'Sam', 'supervisor', 'x', 'then');
    INSERT INTO programs VALUES (3, 'rights-offering', 'XO', 'XO Inc.', '983764176', '2002-11-15', 'then', 1);
    INSERT INTO program_terms VALUES (4, 3, 1, 'Original terms', 'then', 1, '{"kind":"rights-offering"}');
    INSERT INTO holders (program_id, account, name, address, country, shares) VALUES (3, 'H-1', 'Holder', 'Street', 'US', 10);
    INSERT INTO certificate_issues (program_id, issued_at, issued_by, certificates, totals) VALUES (3, 'then', 1, 0, '{}');
    INSERT INTO terms_amendments (program_id, base_version, terms, reason, proposed_at, proposed_by) VALUES (3, 1, '{}', 'Extension', 'then', 1);
  `);
  db.close();
  return file;
}

const snapshot = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(Object.entries(ROWS).map(([table, q]) => [table, db.prepare(q).all()]));
  } finally {
    db.close();
  }
};

describe('schema version 9: a program and its terms may name no user (the command line)', () => {
  it('keeps every row as it was, the references to them and their guards, and then takes a program from the command line', async () => {
    const file = version8Book();
    const before = snapshot(file);
    const store = await openSqliteBook(file, { now: clock.now });
    try {
      expect((await store.info()).schemaVersion).toBe(SCHEMA_VERSION); // 9 and any later migration
      const parsed = parseProgramFile(fixtureJson(ODD_LOT_PROGRAM_FILE));
      const { program, terms } = await createProgramFromFile(store, SYSTEM_ACTOR, (parsed as { file: ProgramFromFile }).file, { fileName: 'odd.json', sha256: '0'.repeat(64) });
      expect(program).toMatchObject({ createdBy: '(command line)' });
      expect(terms.recordedBy).toBe('(command line)');
      expect(await store.read((r) => r.programs.byId(3))).toMatchObject({ createdBy: 'sue' });
    } finally {
      await store.close();
    }
    const after = snapshot(file);
    expect(after.programs?.slice(0, 1)).toEqual(before.programs);
    expect(after.program_terms?.slice(0, 1)).toEqual(before.program_terms);
    for (const table of ['holders', 'certificate_issues', 'terms_amendments'] as const) expect(after[table]).toEqual(before[table]);

    const db = new Database(file);
    try {
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(() => db.prepare('DELETE FROM programs WHERE id = 3').run()).toThrow('Programs are never deleted');
      expect(() => db.prepare("UPDATE program_terms SET reason = 'changed' WHERE id = 4").run()).toThrow(/a version cannot be changed/);
      db.pragma('foreign_keys = ON');
      expect(() => db.prepare("INSERT INTO holders (program_id, account, name, address, country, shares) VALUES (99, 'H-2', 'N', 'S', 'US', 1)").run()).toThrow(/FOREIGN KEY/);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE '%before_9%'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    const verified = await verifyLocation(file);
    expect(verified.chain.ok).toBe(true);
    expect(verified.rows?.problems).toBe(0);
  });
});
