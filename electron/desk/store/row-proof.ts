/**
 * The other half of row digests (row-digests.ts): from the journal's claims, the digest each
 * business row must have now; then every business table scanned in key order against them. A row
 * that differs, one no entry wrote (planted), and one an entry wrote that is gone are each named
 * with the table, the key and the entry it should match. Rows written before the book had digests
 * (keys up to its baseline) cannot be proved and are counted as such, not failed.
 */
import type { StoredEntry } from './journal-chain';
import { PROVEN_TABLE_NAMES, PROVEN_TABLES, RangeHash, rowDigest, type ProvenTable, type RowClaim, type RowDigests } from './row-digests';

/** Where the scan reads: rows of a business table with keys above `afterKey`, in key order. */
export interface RowSource {
  scan(table: ProvenTable, columns: readonly string[], afterKey: number, limit: number): Promise<Record<string, unknown>[]>;
}

export type RowProblem =
  | { readonly kind: 'altered'; readonly table: ProvenTable; readonly key: number; readonly seq: number }
  | { readonly kind: 'planted'; readonly table: ProvenTable; readonly key: number }
  | { readonly kind: 'missing'; readonly table: ProvenTable; readonly key: number; readonly seq: number }
  | { readonly kind: 'range'; readonly table: ProvenTable; readonly from: number; readonly to: number; readonly seq: number; readonly found: number; readonly expected: number };

export interface RowReport {
  readonly proved: number;
  /** Rows last written before the book had digests (or the book is older than version 6). */
  readonly unprovable: number;
  readonly problems: number;
  readonly first?: RowProblem;
}

interface Single {
  readonly h: string;
  readonly seq: number;
  seen: boolean;
}
interface Range {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly h: string;
  readonly seq: number;
  readonly hash: RangeHash;
}

/** What the journal says each row must be: fed every entry in chain order. */
export class RowExpectations {
  private baseline: Readonly<Record<string, number>> | null = null;
  private readonly singles = new Map<ProvenTable, Map<number, Single>>();
  private readonly ranges = new Map<ProvenTable, Range[]>();

  addEntry(entry: StoredEntry): void {
    if (entry.row_digests === null || entry.row_digests === undefined) return;
    const digests = JSON.parse(entry.row_digests) as RowDigests;
    if (digests.baseline) this.baseline = digests.baseline;
    for (const claim of digests.rows) this.addClaim(claim, Number(entry.seq));
  }

  private addClaim(claim: RowClaim, seq: number): void {
    if ('k' in claim) {
      let table = this.singles.get(claim.t);
      if (!table) this.singles.set(claim.t, (table = new Map()));
      table.set(claim.k, { h: claim.h, seq, seen: false });
      return;
    }
    let list = this.ranges.get(claim.t);
    if (!list) this.ranges.set(claim.t, (list = []));
    list.push({ from: claim.from, to: claim.to, n: claim.n, h: claim.h, seq, hash: new RangeHash() });
  }

  /** Scans every business table; returns the counts and the first problem in table and key order. */
  async check(source: RowSource, signal?: AbortSignal): Promise<RowReport> {
    const tally = { proved: 0, unprovable: 0, problems: 0, first: undefined as RowProblem | undefined };
    const report = (problem: RowProblem) => {
      tally.problems += 1;
      tally.first ??= problem;
    };
    for (const table of PROVEN_TABLE_NAMES) await this.checkTable(source, table, tally, report, signal);
    return tally.first ? { proved: tally.proved, unprovable: tally.unprovable, problems: tally.problems, first: tally.first } : { proved: tally.proved, unprovable: tally.unprovable, problems: 0 };
  }

  private async checkTable(
    source: RowSource,
    table: ProvenTable,
    tally: { proved: number; unprovable: number },
    report: (problem: RowProblem) => void,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const singles = this.singles.get(table) ?? new Map<number, Single>();
    const ranges = (this.ranges.get(table) ?? []).sort((a, b) => a.from - b.from);
    const baselineKey = this.baseline === null ? Number.POSITIVE_INFINITY : (this.baseline[table] ?? 0);
    const columns = Object.keys(PROVEN_TABLES[table]);
    let after = Number.NEGATIVE_INFINITY;
    let r = 0;
    for (;;) {
      signal?.throwIfAborted();
      const rows = await source.scan(table, columns, Number.isFinite(after) ? after : -1, SCAN_SLICE);
      for (const row of rows) {
        const key = Number(row.id);
        const digest = rowDigest(table, row);
        while (r < ranges.length && (ranges[r]?.to ?? 0) < key) r += 1;
        const single = singles.get(key);
        const range = ranges[r] && (ranges[r]?.from ?? 0) <= key ? ranges[r] : undefined;
        if (single && (!range || single.seq > range.seq)) {
          single.seen = true;
          if (single.h === digest) tally.proved += 1;
          else report({ kind: 'altered', table, key, seq: single.seq });
        } else if (range) {
          range.hash.add(key, digest);
          tally.proved += 1;
        } else if (key <= baselineKey) {
          tally.unprovable += 1;
        } else {
          report({ kind: 'planted', table, key });
        }
      }
      if (rows.length < SCAN_SLICE) break;
      after = Number(rows[rows.length - 1]?.id);
    }
    for (const [key, single] of [...singles].sort((a, b) => a[0] - b[0])) {
      if (!single.seen && !ranges.some((g) => g.seq > single.seq && g.from <= key && key <= g.to)) report({ kind: 'missing', table, key, seq: single.seq });
    }
    for (const g of ranges) {
      if (g.hash.count !== g.n || g.hash.digest() !== g.h) report({ kind: 'range', table, from: g.from, to: g.to, seq: g.seq, found: g.hash.count, expected: g.n });
    }
  }
}

const SCAN_SLICE = 5_000;

/** One line naming the problem: table, key and the journal entry it should match. */
export function describeRowProblem(p: RowProblem): string {
  switch (p.kind) {
    case 'altered':
      return `${p.table} row ${p.key} differs from what journal entry #${p.seq} wrote`;
    case 'planted':
      return `${p.table} row ${p.key} was written outside the desk: no journal entry wrote it`;
    case 'missing':
      return `${p.table} row ${p.key}, written by journal entry #${p.seq}, is missing`;
    case 'range':
      return p.found === p.expected
        ? `${p.table} rows ${p.from}–${p.to} differ from what journal entry #${p.seq} wrote`
        : `${p.table} rows ${p.from}–${p.to}, written by journal entry #${p.seq}: ${p.found} of ${p.expected} are there`;
  }
}
