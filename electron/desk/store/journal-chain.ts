import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

/** The previous hash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  readonly seq: number;
  readonly at: string;
  readonly username: string | null;
  readonly action: string;
  readonly payload: unknown;
  /** The row digests (version 6 on); absent in older entries, whose hashed text is therefore unchanged. */
  readonly rows?: unknown;
}

/** SHA-256 (hex) of the previous hash followed by the canonical text of the entry's content. */
export function entryHash(prevHash: string, content: ChainedContent): string {
  const text = canonicalJson({ seq: content.seq, at: content.at, username: content.username, action: content.action, payload: content.payload, rows: content.rows });
  return createHash('sha256').update(prevHash).update(text).digest('hex');
}

export type BrokenLinkReason = 'hash does not match its content' | 'previous-hash link broken' | 'sequence gap';

export interface ChainReport {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry whose link does not hold — or, from the desk's Verify, the entry a row fails to match (the reason names the row). */
  readonly firstBroken?: { readonly seq: number; readonly reason: BrokenLinkReason | string };
}

/** A journal row as stored, for the chain walk. */
export interface StoredEntry {
  seq: number;
  at: string;
  username: string | null;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
  row_digests: string | null;
}

/** How far a verification has got: entries checked so far, of `total`. */
export interface VerifyProgress {
  readonly done: number;
  readonly total: number;
}

/** How often (in entries) a verification reports progress; also the size of each slice read. */
export const VERIFY_PROGRESS_EVERY = 10_000;

/** Where a chain walk reads from: the entry count, and the entries after a sequence number, in order. */
export interface ChainSource {
  count(): Promise<number>;
  chainSlice(afterSeq: number, limit: number): Promise<StoredEntry[]>;
}

/**
 * Walks the whole journal in order and reports the first entry whose link does not hold.
 * `onProgress`, if given, hears after every slice; `signal` stops the walk between slices.
 */
export async function verifyJournal(
  source: ChainSource,
  control: { onProgress?: (p: VerifyProgress) => void; signal?: AbortSignal; onEntry?: (entry: StoredEntry) => void } = {},
): Promise<ChainReport> {
  const total = await source.count();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    control.signal?.throwIfAborted();
    const slice = await source.chainSlice(expectedSeq - 1, VERIFY_PROGRESS_EVERY);
    for (const row of slice) {
      entries += 1;
      const broken = checkEntry(row, expectedSeq, prevHash);
      if (broken) return { ok: false, entries: total, firstBroken: { seq: row.seq, reason: broken }};
      control.onEntry?.(row);
      expectedSeq = row.seq + 1;
      prevHash = row.hash;
    }
    control.onProgress?.({ done: entries, total });
    if (slice.length < VERIFY_PROGRESS_EVERY) break;
  }
  return { ok: true, entries };
}

function checkEntry(row: StoredEntry, expectedSeq: number, prevHash: string): BrokenLinkReason | null {
  if (row.seq !== expectedSeq) return 'sequence gap';
  if (row.prev_hash !== prevHash) return 'previous-hash link broken';
  let payload: unknown;
  let rows: unknown;
  try {
    payload = JSON.parse(row.payload);
    rows = row.row_digests === null || row.row_digests === undefined ? undefined : JSON.parse(row.row_digests);
  } catch {
    return 'hash does not match its content';
  }
  const recomputed = entryHash(prevHash, { seq: row.seq, at: row.at, username: row.username, action: row.action, payload, rows });
  return recomputed === row.hash ? null : 'hash does not match its content';
}
