/**
 * Row digests: every business row a change writes is digested inside that change and the digest
 * hashed into its journal entry (the journal's row_digests column), so `verify` can prove each
 * row from the journal alone (row-proof.ts). A bulk write commits to a key range at once (count
 * and a hash over its rows in key order) so a million imported holders stay one small entry.
 *
 * EVERY NEW BUSINESS TABLE MUST BE LISTED IN PROVEN_TABLES (or declared derived or bookkeeping in
 * TABLE_COVERAGE): a table left out could be edited behind the desk's back unseen. The compiler
 * refuses a table of tables.ts that TABLE_COVERAGE does not classify, and row-digests.test.ts
 * refuses a table of either schema that is not in tables.ts, or a column a digest leaves out.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { BookTables } from './tables';

/** The first schema version whose journal entries carry row digests. */
export const ROW_DIGESTS_VERSION = 6;

type ColumnType = 'int' | 'text' | 'bytes';

/**
 * The business tables and the columns each digest covers, in a fixed order. A column added by a
 * later migration must be added here with a new digest rule for rows written before it.
 */
export const PROVEN_TABLES = {
  users: { id: 'int', username: 'text', display_name: 'text', role: 'text', active: 'int', password_hash: 'text', created_at: 'text', created_by: 'text', must_change_password: 'int', last_signed_in_at: 'text' },
  programs: { id: 'int', kind: 'text', name: 'text', issuer: 'text', cusip: 'text', record_date: 'text', created_at: 'text', created_by: 'int' },
  program_terms: { id: 'int', program_id: 'int', version: 'int', reason: 'text', recorded_at: 'text', recorded_by: 'int', terms: 'text' },
  holders: { id: 'int', program_id: 'int', account: 'text', name: 'text', address: 'text', country: 'text', tin_encrypted: 'bytes', shares: 'int' },
  holder_events: { id: 'int', holder_id: 'int', at: 'text', kind: 'text', note: 'text', created_by: 'int' },
  sign_in_failures: { id: 'int', user_id: 'int', failures: 'int', last_failed_at: 'text', locked_at: 'text' },
  tin_keys: { id: 'int', key_id: 'text', key_check: 'text', created_at: 'text', created_by: 'int' },
  import_layouts: { id: 'int', issuer: 'text', name: 'text', version: 'int', format: 'text', spec: 'text', saved_at: 'text', saved_by: 'int' },
  register_imports: { id: 'int', program_id: 'int', file_name: 'text', file_sha256: 'text', layout: 'text', row_count: 'int', imported: 'int', rejected: 'int', good_rows_only: 'int', imported_at: 'text', imported_by: 'int' },
  register_entries: {
    id: 'int', program_id: 'int', import_id: 'int', line: 'int', account: 'text', class: 'text',
    registration1: 'text', registration2: 'text', registration3: 'text', registration4: 'text',
    address1: 'text', address2: 'text', city: 'text', state: 'text', postal_code: 'text', country: 'text',
    tin_type: 'text', tin_last4: 'text', tin_encrypted: 'bytes', units: 'text', nominee: 'text', plan_shares: 'text',
  },
  certificate_issues: { id: 'int', program_id: 'int', issued_at: 'text', issued_by: 'int', certificates: 'int', totals: 'text' },
  certificates: { id: 'int', program_id: 'int', issue_id: 'int', seq: 'int', number: 'text', class: 'text', entry_id: 'int', account: 'text', units: 'text', firm_rights: 'int', held: 'int', issued_at: 'text' },
  certificate_events: { id: 'int', certificate_id: 'int', at: 'text', kind: 'text', detail: 'text', created_by: 'int' },
  terms_amendments: {
    id: 'int', program_id: 'int', base_version: 'int', terms: 'text', reason: 'text', proposed_at: 'text', proposed_by: 'int',
    decision: 'text', decided_at: 'text', decided_by: 'int', decision_note: 'text',
  },
  // Intake (migration 11).
  mail_batches: { id: 'int', program_id: 'int', receipt_date: 'text', label: 'text', opened_at: 'text', opened_by: 'int' },
  envelopes: { id: 'int', batch_id: 'int', seq: 'int', source: 'text', stamped_local: 'text', received_at: 'text', item_count: 'int', created_at: 'text', created_by: 'int' },
  batch_closings: { id: 'int', batch_id: 'int', closed_at: 'text', closed_by: 'int', control: 'text' },
  elections: { id: 'int', program_id: 'int', batch_id: 'int', envelope_id: 'int', kind: 'text', certificate_id: 'int', basic_shares: 'int', oversubscription_shares: 'int', facts: 'text', voi_number: 'text', participant_number: 'text', participant_name: 'text', rights_surrendered: 'int', corrects_id: 'int', keyed_at: 'text', keyed_by: 'int' },
  election_reversals: { id: 'int', election_id: 'int', reason: 'text', reversed_at: 'text', reversed_by: 'int' },
  nominee_certification_lines: { id: 'int', election_id: 'int', line: 'int', owner_reference: 'text', record_date_holding: 'int', basic_exercised: 'int', oversubscription_requested: 'int' },
  guaranteed_deliveries: { id: 'int', program_id: 'int', election_id: 'int', institution: 'text', certificate_numbers: 'text', rights: 'int', due_date: 'text', keyed_at: 'text', keyed_by: 'int' },
  guaranteed_delivery_covers: { id: 'int', notice_id: 'int', certificate_id: 'int', envelope_id: 'int', keyed_at: 'text', keyed_by: 'int' },
  odd_lot_orders: { id: 'int', program_id: 'int', batch_id: 'int', envelope_id: 'int', entry_id: 'int', account: 'text', action: 'text', shares: 'int', ordered_at: 'text', order_date: 'text', order_price: 'text', keyed_at: 'text', keyed_by: 'int' },
  payments: { id: 'int', program_id: 'int', batch_id: 'int', envelope_id: 'int', election_id: 'int', odd_lot_order_id: 'int', method: 'text', amount: 'text', check_number: 'text', aba_routing: 'text', bank_account: 'text', payer: 'text', reference: 'text', keyed_at: 'text', keyed_by: 'int' },
  payment_allocations: { id: 'int', payment_id: 'int', election_id: 'int', amount: 'text', reason: 'text', allocated_at: 'text', allocated_by: 'int' },
  bank_layouts: { id: 'int', bank: 'text', name: 'text', version: 'int', spec: 'text', saved_at: 'text', saved_by: 'int' },
  bank_files: { id: 'int', program_id: 'int', bank: 'text', layout: 'text', file_name: 'text', file_sha256: 'text', lines: 'int', matched: 'int', unmatched: 'int', read_at: 'text', read_by: 'int' },
  payment_events: { id: 'int', payment_id: 'int', kind: 'text', business_date: 'text', reason: 'text', bank_file_id: 'int', at: 'text', created_by: 'int' },
  ledger_entries: { id: 'int', program_id: 'int', kind: 'text', method: 'text', amount: 'text', business_date: 'text', payment_id: 'int', election_id: 'int', memo: 'text', at: 'text', created_by: 'int' },
  // Intake corrections (migration 20).
  payment_reversals: { id: 'int', payment_id: 'int', replaced_by: 'int', reason: 'text', reversed_at: 'text', reversed_by: 'int' },
  // Lost certificates (migration 18).
  lost_settings: { id: 'int', program_id: 'int', version: 'int', bond_rate: 'text', minimum_premium: 'text', value_per_right: 'text', processing_fee: 'text', reason: 'text', set_at: 'text', set_by: 'int' },
  lost_cases: { id: 'int', program_id: 'int', certificate_id: 'int', kind: 'text', discovered_on: 'text', circumstances: 'text', police_report: 'text', affidavit: 'text', opened_at: 'text', opened_by: 'int' },
  indemnity_bonds: { id: 'int', case_id: 'int', settings_id: 'int', stop_date: 'text', rights: 'int', market_value: 'text', premium: 'text', processing_fee: 'text', expenses: 'text', payment_received: 'text', surety: 'text', bond_reference: 'text', keyed_at: 'text', keyed_by: 'int' },
  lost_case_events: { id: 'int', case_id: 'int', kind: 'text', detail: 'text', at: 'text', created_by: 'int' },
  // The supervisor desk (migration 19).
  decisions: { id: 'int', program_id: 'int', election_id: 'int', odd_lot_order_id: 'int', kind: 'text', codes: 'text', cure_by: 'text', reason: 'text', decided_at: 'text', decided_by: 'int' },
  scheduled_refunds: { id: 'int', program_id: 'int', decision_id: 'int', election_id: 'int', odd_lot_order_id: 'int', amount: 'text', scheduled_at: 'text', scheduled_by: 'int' },
  letters: { id: 'int', program_id: 'int', kind: 'text', election_id: 'int', odd_lot_order_id: 'int', certificate_id: 'int', decision_id: 'int', file_sha256: 'text', printed_at: 'text', printed_by: 'int' },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type ProvenTable = keyof typeof PROVEN_TABLES;
export const PROVEN_TABLE_NAMES = Object.keys(PROVEN_TABLES) as ProvenTable[];

/** Every table of tables.ts, classified: the compiler fails on one that is not. */
export const TABLE_COVERAGE: Record<keyof BookTables, 'proven' | 'derived' | 'journal'> = {
  users: 'proven',
  programs: 'proven',
  program_terms: 'proven',
  holders: 'proven',
  holder_events: 'proven',
  sign_in_failures: 'proven',
  tin_keys: 'proven',
  import_layouts: 'proven',
  register_imports: 'proven',
  register_entries: 'proven',
  certificate_issues: 'proven',
  certificates: 'proven',
  certificate_events: 'proven',
  terms_amendments: 'proven',
  mail_batches: 'proven',
  envelopes: 'proven',
  batch_closings: 'proven',
  elections: 'proven',
  election_reversals: 'proven',
  nominee_certification_lines: 'proven',
  guaranteed_deliveries: 'proven',
  guaranteed_delivery_covers: 'proven',
  odd_lot_orders: 'proven',
  payments: 'proven',
  payment_allocations: 'proven',
  bank_layouts: 'proven',
  bank_files: 'proven',
  payment_events: 'proven',
  ledger_entries: 'proven',
  payment_reversals: 'proven',
  lost_settings: 'proven',
  lost_cases: 'proven',
  indemnity_bonds: 'proven',
  lost_case_events: 'proven',
  decisions: 'proven',
  scheduled_refunds: 'proven',
  letters: 'proven',
  // Rebuilt from the records (search.rebuild), so they prove nothing and need no proof.
  search_terms: 'derived',
  register_words: 'derived',
  journal: 'journal',
};

/** Writes of this many rows or more to one table in one change are committed as a key range. */
export const RANGE_FROM = 64;

export type RowClaim =
  | { readonly t: ProvenTable; readonly k: number; readonly h: string }
  | { readonly t: ProvenTable; readonly from: number; readonly to: number; readonly n: number; readonly h: string };

/** What an entry's row_digests column holds; `baseline` marks the first entry of a book with digests. */
export interface RowDigests {
  readonly rows: readonly RowClaim[];
  /** The highest key of each table when digests began: rows up to it were written before version 6. */
  readonly baseline?: Readonly<Record<string, number>>;
}

const columnList = (table: ProvenTable) => Object.keys(PROVEN_TABLES[table]);
const SPECS = Object.fromEntries(PROVEN_TABLE_NAMES.map((t) => [t, Object.entries(PROVEN_TABLES[t]) as [string, ColumnType][]])) as unknown as Record<ProvenTable, readonly [string, ColumnType][]>;

/** The value as both drivers' raw results are made equal: pg gives bigint as text, blobs as Buffers on both. */
function normalize(type: ColumnType, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (type === 'int') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new TypeError('A row digest may not hold NaN or Infinity');
    return n;
  }
  if (type === 'bytes') {
    const bytes = value as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  }
  return String(value);
}

/**
 * SHA-256 of the table's name and the row's columns in their fixed order, as canonical JSON. For
 * an array of strings, finite numbers and nulls, canonical JSON is exactly JSON.stringify's text:
 * that is used, a million rows being digested at an import and again at every verify.
 */
export function rowDigest(table: ProvenTable, row: Record<string, unknown>): string {
  const spec = SPECS[table];
  const values = new Array<string | number | null>(spec.length);
  for (let i = 0; i < spec.length; i += 1) {
    const [column, type] = spec[i]!;
    values[i] = normalize(type, row[column]);
  }
  return oneShotHash('sha256', `${table}\0${JSON.stringify(values)}`, 'hex');
}

/**
 * rowDigest of a row given positionally: its key, then its other columns' values in the order of
 * PROVEN_TABLES[table] (where the key, `id`, comes first). The same digest, no object per row.
 */
export function rowDigestOf(table: ProvenTable, key: number, rest: readonly unknown[]): string {
  const spec = SPECS[table];
  if (spec[0]?.[0] !== 'id' || rest.length !== spec.length - 1) throw new Error(`A ${table} row has ${spec.length - 1} columns besides its key`);
  const values = new Array<string | number | null>(spec.length);
  values[0] = normalize('int', key);
  for (let i = 1; i < spec.length; i += 1) values[i] = normalize(spec[i]![1], rest[i - 1]);
  // One-shot: no hash object per row (the same SHA-256 as createHash's).
  return oneShotHash('sha256', `${table}\0${JSON.stringify(values)}`, 'hex');
}

/**
 * rowDigest of a row whose key is given and whose other columns are already canonical JSON
 * (`restJson`: the normalized values after the key, comma-separated, no brackets — as
 * JSON.stringify writes them): the same digest without building or stringifying the values anew.
 */
export function rowDigestOfJson(table: ProvenTable, key: number, restJson: string): string {
  if (!Number.isSafeInteger(key)) throw new Error(`A ${table} key is a whole number`);
  return oneShotHash('sha256', `${table}\0[${key},${restJson}]`, 'hex');
}

/** A running hash over a key range's rows in key order: what a range claim commits to. */
export class RangeHash {
  private readonly hash = createHash('sha256');
  /** Lines not yet hashed: one update per ~64 KiB instead of one per row (the same bytes, the same hash). */
  private pending = '';
  count = 0;
  add(key: number, digest: string): void {
    this.pending += `${key}:${digest}\n`;
    this.count += 1;
    if (this.pending.length >= 65_536) {
      this.hash.update(this.pending);
      this.pending = '';
    }
  }
  digest(): string {
    this.hash.update(this.pending);
    this.pending = '';
    return this.hash.digest('hex');
  }
}

/**
 * Rows a bulk writer digested from the very values it bound, as it wrote them, in ascending key
 * order: the range claim is then made without reading a million rows back (digestWrites still
 * counts the rows in the range, so that no other row can hide in it).
 */
class BoundRange {
  readonly hash = new RangeHash();
  /** The keys, ascending (a plain list: cheaper than a set for a million). */
  readonly keys: number[] = [];
  /** A key out of order, or a row of the table written the ordinary way: the rows are read back instead. */
  broken = false;
  add(key: number, digest: string): void {
    const last = this.keys[this.keys.length - 1];
    this.keys.push(key);
    if (this.broken) return;
    if (last !== undefined && key <= last) this.broken = true;
    else this.hash.add(key, digest);
  }
}

/** The keys a change's repositories wrote, per table; the store digests them before appending. */
export class RowLog {
  private readonly written = new Map<ProvenTable, Set<number>>();
  private readonly bound = new Map<ProvenTable, BoundRange>();
  /** `lockForBulk`: makes the change the journal's only appender before a bulk write, so no other rows fall in its key range. */
  constructor(readonly lockForBulk: () => Promise<void> = async () => undefined) {}
  wrote(table: ProvenTable, ...keys: number[]): void {
    let set = this.written.get(table);
    if (!set) this.written.set(table, (set = new Set()));
    for (const key of keys) set.add(Number(key));
  }
  /**
   * A row a bulk writer just wrote with exactly these values (`rest`: every column but the key,
   * in PROVEN_TABLES[table]'s order) under the key the store gave it; digested now. Keys must
   * come in ascending order; call after lockForBulk.
   */
  wroteBound(table: ProvenTable, key: number, rest: readonly unknown[]): void {
    this.boundOf(table).add(key, rowDigestOf(table, key, rest));
  }
  /**
   * As wroteBound, for a row whose values after the key were bound from `restJson`, their
   * canonical JSON (see rowDigestOfJson): the text is digested, not the values rebuilt.
   */
  wroteBoundJson(table: ProvenTable, key: number, restJson: string): void {
    this.boundOf(table).add(key, rowDigestOfJson(table, key, restJson));
  }
  private boundOf(table: ProvenTable): BoundRange {
    let bound = this.bound.get(table);
    if (!bound) this.bound.set(table, (bound = new BoundRange()));
    return bound;
  }
  /** Every table written, with its keys (ascending). */
  *tables(): Generator<[ProvenTable, () => number[]]> {
    for (const table of new Set([...this.written.keys(), ...this.bound.keys()])) {
      yield [table, () => [...new Set([...(this.written.get(table) ?? []), ...(this.bound.get(table)?.keys ?? [])])].sort((a, b) => a - b)];
    }
  }
  /** The table's rows as digested when written, when every row of it this change wrote was (and in key order). */
  boundRange(table: ProvenTable): { from: number; to: number; n: number; h: string } | null {
    const bound = this.bound.get(table);
    if (!bound || bound.broken || this.written.has(table) || bound.keys.length < RANGE_FROM) return null;
    return { from: bound.keys[0]!, to: bound.keys[bound.keys.length - 1]!, n: bound.hash.count, h: bound.hash.digest() };
  }
}

const SLICE = 1_000;

/** Rows of `table` with keys in [from, to], in key order, a slice at a time (read back as stored). */
export async function* rowsInRange(db: Kysely<BookTables>, table: ProvenTable, from: number, to: number): AsyncGenerator<Record<string, unknown>> {
  const columns = sql.raw(columnList(table).join(', '));
  let after = from - 1;
  for (;;) {
    // Table and column names come from PROVEN_TABLES, never from input.
    const { rows } = await sql<Record<string, unknown>>`SELECT ${columns} FROM ${sql.table(table)} WHERE id > ${after} AND id <= ${to} ORDER BY id LIMIT ${SLICE}`.execute(db);
    yield* rows;
    if (rows.length < SLICE) return;
    after = Number(rows[rows.length - 1]?.id);
  }
}

/**
 * Digests every row the change wrote: read back as stored, in this transaction — except a bulk
 * write digested from the values it bound (RowLog.wroteBound), whose range is only counted here.
 */
export async function digestWrites(db: Kysely<BookTables>, log: RowLog): Promise<RowClaim[]> {
  const claims: RowClaim[] = [];
  for (const [table, keysOf] of log.tables()) {
    const bound = log.boundRange(table);
    if (bound) {
      claims.push(await countedClaim(db, table, bound));
      continue;
    }
    const keys = keysOf();
    if (keys.length >= RANGE_FROM) {
      claims.push(await rangeClaim(db, table, keys));
      continue;
    }
    for (const k of keys) {
      const [row] = await collect(rowsInRange(db, table, k, k));
      if (!row) throw new Error(`A ${table} row just written (${k}) could not be read back`);
      claims.push({ t: table, k, h: rowDigest(table, row) });
    }
  }
  return claims;
}

/** A bound range's claim, once the table is seen to hold exactly its rows in that key range. */
async function countedClaim(db: Kysely<BookTables>, table: ProvenTable, bound: { from: number; to: number; n: number; h: string }): Promise<RowClaim> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE id >= ${bound.from} AND id <= ${bound.to}`.execute(db);
  const found = Number(rows[0]?.n ?? 0);
  // Another writer's rows inside the range would make it unprovable: bulk writers hold the chain lock.
  if (found !== bound.n) throw new Error(`The ${table} rows ${bound.from}–${bound.to} of this change are interleaved with others`);
  return { t: table, from: bound.from, to: bound.to, n: bound.n, h: bound.h };
}

async function rangeClaim(db: Kysely<BookTables>, table: ProvenTable, keys: readonly number[]): Promise<RowClaim> {
  const from = keys[0] ?? 0;
  const to = keys[keys.length - 1] ?? 0;
  const range = new RangeHash();
  for await (const row of rowsInRange(db, table, from, to)) range.add(Number(row.id), rowDigest(table, row));
  // Another writer's rows inside the range would make it unprovable: bulk writers hold the chain lock.
  if (range.count !== keys.length) throw new Error(`The ${table} rows ${from}–${to} of this change are interleaved with others`);
  return { t: table, from, to, n: range.count, h: range.digest() };
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** The highest key of each business table now: where a book's digests begin. */
export async function currentBaseline(db: Kysely<BookTables>): Promise<Record<string, number>> {
  const baseline: Record<string, number> = {};
  for (const table of PROVEN_TABLE_NAMES) {
    const { rows } = await sql<{ m: number | string | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(db);
    baseline[table] = Number(rows[0]?.m ?? 0);
  }
  return baseline;
}
