import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeInstruction } from '../../services/intake/dtc';
import { itemContext } from '../../services/intake/item-context';
import { actorOf } from '../../services/views';
import { escrowLedger } from '../../services/payments/ledger';
import { openEnvelope, rightsIntakeBook } from '../../testing/intake-more-fixture';
import { fakeClock, tempDir } from '../../testing/temp';
import { verifyLocation } from '../open-store';
import { recordOpening } from '../opening';
import { QueryStore } from '../query-store';
import { migrate } from './migrate';
import { openConnection, openSqliteBook } from './open';
import { MIGRATIONS } from './schema';
import { SqliteEngine } from './store';

let t: ReturnType<typeof tempDir>;
const clock = fakeClock();
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

/** A book at version 19, as the desk wrote it before migration 20: a DTC instruction with its settlement in the ledger. */
async function bookAt19(file: string): Promise<{ programId: number }> {
  const db = openConnection(file);
  migrate(db, clock.now, MIGRATIONS.filter((m) => m.version < 20));
  // The book's first entry takes the baseline of every table this desk proves; payment_reversals is
  // there only for that count (0) and gone again before the book is closed, as at version 19.
  db.exec('CREATE TABLE payment_reversals (id INTEGER PRIMARY KEY)');
  const store = await QueryStore.start(new SqliteEngine(file, db), clock.now);
  await recordOpening(store, 0, 19);
  db.exec('DROP TABLE payment_reversals');
  const book = await rightsIntakeBook(store);
  const { envelopeId } = await openEnvelope(store, book, '2003-12-01T10:15', 'dtc');
  // Written as version 19's desk wrote it (this desk's reads already look for migration 20's tables).
  await store.change(actorOf(book.supervisor), 'intake.dtcInstructionKeyed', async (tx, at) => {
    const c = await itemContext(tx, envelopeId);
    const [certificate] = await tx.certificates.byNumber('RT-000008', c.program.id);
    const input = {
      envelopeId, certificateNumber: 'RT-000008', voiNumber: '0012345', participantNumber: '0352', participantName: 'Example Securities LLC',
      rightsSurrendered: 1000, basicShares: 1000, oversubscriptionShares: 0, amount: '5000.00', settled: true, certified: true, lines: [],
    };
    return { payload: {}, result: await writeInstruction(tx, c, certificate!, input, at, book.supervisor.id) };
  });
  await store.close();
  return { programId: book.programId };
}

const snapshot = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }),
      elections: db.prepare('SELECT * FROM elections ORDER BY id').all(),
      ledger: db.prepare('SELECT * FROM ledger_entries ORDER BY id').all(),
      indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('elections', 'ledger_entries') ORDER BY name").all() as { name: string }[]).map((r) => r.name),
      triggers: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('elections', 'ledger_entries') ORDER BY name").all() as { name: string }[]).map((r) => r.name),
    };
  } finally {
    db.close();
  }
};

describe('migration 20 on a book at version 19', () => {
  it('rebuilds elections and the ledger with the very same rows, and the journal still proves every one', async () => {
    const file = t.file('at-19.book');
    const { programId } = await bookAt19(file);
    const before = snapshot(file);
    expect(before.version).toBe(19);
    expect(before.indexes).toContain('sqlite_autoindex_elections_1'); // the inline UNIQUE (program_id, voi_number)
    const proofBefore = await verifyLocation(file);
    expect(proofBefore.rows).toMatchObject({ problems: 0 });

    const store = await openSqliteBook(file, { now: clock.now });
    expect((await escrowLedger(store, programId)).tieOut.ties).toBe(true);
    await store.close();

    const after = snapshot(file);
    expect(after.version).toBe(20);
    expect(after.elections).toEqual(before.elections);
    expect(after.ledger).toEqual(before.ledger);
    expect(after.indexes).toEqual(['elections_by_batch', 'elections_by_certificate', 'elections_one_voi_chain', 'ledger_entries_by_day', 'ledger_entries_by_payment']);
    expect(after.triggers).toEqual(['elections_correct_reversed', 'elections_no_delete', 'elections_no_update', 'ledger_entries_no_delete', 'ledger_entries_no_update']);
    const proofAfter = await verifyLocation(file);
    expect([proofBefore.chain.ok, proofAfter.chain.ok]).toEqual([true, true]);
    expect(proofAfter.rows).toMatchObject({ proved: proofBefore.rows!.proved, problems: 0 });
    expect(proofAfter.rows!.proved).toBeGreaterThan(0);
    // Append-only still: the rebuilt tables refuse an edit.
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE ledger_entries SET amount = '1.00'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM elections').run()).toThrow(/append-only/);
    raw.close();
  });
});
