// A large import proves row by row from its one journal entry, and a row changed behind the
// desk's back afterwards is found (store/row-proof.ts).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeRegisterFile } from '../../../test/fixtures/register/generate-register';
import { DEFAULT_LAYOUT, DEFAULT_LAYOUT_NAME } from '../importers/layout';
import { bookTinKey, environmentKeySource } from '../security/tin-vault';
import { verifyLocation } from '../store/open-store';
import type { BookStore } from '../store/port';
import { rightsBook, type RegisterBook } from '../testing/register-fixture';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { importRegister } from './register-import';
import { actorOf } from './views';

const ROWS = 100_000;
let kit: StoreKit;
let store: BookStore;
let book: RegisterBook;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsBook(store);
});
afterEach(async () => kit.cleanup());

it(`verify proves every row of a ${ROWS.toLocaleString('en-US')}-row import, and finds one altered afterwards`, { timeout: 600_000 }, async () => {
  const file = kit.dir.file('register.csv');
  const bad = await writeRegisterFile(file, ROWS, 10_000);
  const key = await bookTinKey(store, environmentKeySource({ OFFERING_DESK_TIN_KEY: Buffer.alloc(32, 2).toString('base64') }), { create: true, now: kit.clock.now });
  const outcome = await importRegister(store, actorOf(book.supervisor), { programId: book.programId, file, fileName: 'register.csv', layoutName: DEFAULT_LAYOUT_NAME, spec: DEFAULT_LAYOUT, goodRowsOnly: true }, key);
  expect(outcome.report).toMatchObject({ imported: ROWS - bad, rejected: bad });
  await store.close();
  const verified = await verifyLocation(kit.book.location);
  expect(verified.chain.ok).toBe(true);
  expect(verified.rows).toMatchObject({ problems: 0 });
  expect(verified.rows?.proved).toBeGreaterThanOrEqual(ROWS - bad);
  await kit.disableJournalGuards();
  if (kit.book.kind === 'sqlite') await kit.raw('DROP TRIGGER register_entries_no_update');
  else await kit.raw('ALTER TABLE register_entries DISABLE TRIGGER USER');
  await kit.raw("UPDATE register_entries SET units = '999999' WHERE id = 500");
  const tampered = await verifyLocation(kit.book.location);
  expect(tampered.rows?.problems).toBe(1);
  expect(tampered.rows?.first).toMatchObject({ kind: 'range', table: 'register_entries', found: ROWS - bad, expected: ROWS - bad });
});

it('an imported row deleted, or one planted beside the import, is found by verify', { timeout: 600_000 }, async () => {
  const file = kit.dir.file('register.csv');
  await writeRegisterFile(file, 5_000, 0);
  const key = await bookTinKey(store, environmentKeySource({ OFFERING_DESK_TIN_KEY: Buffer.alloc(32, 2).toString('base64') }), { create: true, now: kit.clock.now });
  await importRegister(store, actorOf(book.supervisor), { programId: book.programId, file, fileName: 'register.csv', layoutName: DEFAULT_LAYOUT_NAME, spec: DEFAULT_LAYOUT, goodRowsOnly: false }, key);
  await store.close();
  expect((await verifyLocation(kit.book.location)).rows).toMatchObject({ problems: 0 });
  await kit.disableJournalGuards();
  if (kit.book.kind === 'sqlite') await kit.raw('DROP TRIGGER register_entries_no_delete');
  else await kit.raw('ALTER TABLE register_entries DISABLE TRIGGER USER');
  const [last] = await kit.raw('SELECT max(id) AS m FROM register_entries');
  const top = Number(last?.['m']);
  await kit.raw(`INSERT INTO register_entries (id, program_id, import_id, line, account, class, registration1, registration2, registration3, registration4, address1, address2, city, state, postal_code, country, tin_type, tin_last4, tin_encrypted, units, nominee, plan_shares)
    SELECT ${top + 1}, program_id, import_id, line, 'PLANTED', class, registration1, registration2, registration3, registration4, address1, address2, city, state, postal_code, country, tin_type, tin_last4, tin_encrypted, units, nominee, plan_shares FROM register_entries WHERE id = ${top}`);
  expect((await verifyLocation(kit.book.location)).rows?.first).toEqual({ kind: 'planted', table: 'register_entries', key: top + 1 });
  await kit.raw(`DELETE FROM register_entries WHERE id IN (${top - 10}, ${top + 1})`);
  expect((await verifyLocation(kit.book.location)).rows?.first).toMatchObject({ kind: 'range', table: 'register_entries', found: 4_999, expected: 5_000 });
});
