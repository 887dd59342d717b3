/**
 * The good rows of a register file as the check pass left them — trimmed, normalized, each TIN
 * already encrypted — kept in a temporary file so that the write pass need not read, parse and
 * check the register file a second time. One row's canonical text per line (register-row-text.ts:
 * JSON, which escapes every line break inside a string, so a line is always one row); the write
 * pass binds and digests that very text. The folder is private to the desk's user (0700,
 * the file 0600), holds no TIN in clear, and is removed when the import ends, committed or not.
 * The write pass refuses a spill whose bytes are not the ones written (SHA-256 of both).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegisterRowText } from '../store/register-row-text';

/** Text buffered before one write to the spill (and bytes read at a time back from it). */
const FLUSH_AT = 1 << 20;
/** The most a tail reads at once (a row is at most a few hundred KiB of text, even escaped). */
const TAKE_AT_MOST = 4 << 20;

/** Good rows written in order, then read back in order exactly once. */
export class RowSpill {
  private readonly dir: string;
  /** Where the rows are (private to the desk's user; removed by discard). */
  readonly file: string;
  private fd: number | null;
  private buffer = '';
  private readonly written: Hash = createHash('sha256');
  private sealed: string | null = null;
  count = 0;

  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'offering-desk-import-')); // created 0700
    this.file = path.join(this.dir, 'rows.jsonl');
    this.fd = openSync(this.file, 'wx', 0o600);
  }

  add(row: RegisterRowText): void {
    this.buffer += `${row}\n`;
    this.count += 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.fd === null) throw new Error('The spill of checked rows is already closed');
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.written.update(bytes);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  /** Ends writing: what follows is reading. */
  finish(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.sealed = this.written.digest('hex');
  }

  /** The rows in the order written, `batch` at a time; throws if the spill's bytes are not those written. */
  async *read(batch: number): AsyncGenerator<RegisterRowText[]> {
    if (this.sealed === null) throw new Error('The spill of checked rows was not finished');
    const fd = openSync(this.file, 'r');
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(FLUSH_AT);
    let carry = Buffer.alloc(0);
    let rows: RegisterRowText[] = [];
    try {
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        hash.update(chunk.subarray(0, n));
        // A chunk may end inside a character: only whole lines are decoded.
        const end = chunk.lastIndexOf(0x0a, n - 1);
        if (end < 0) {
          carry = Buffer.concat([carry, chunk.subarray(0, n)]);
          continue;
        }
        const text = Buffer.concat([carry, chunk.subarray(0, end)]).toString('utf8');
        carry = Buffer.from(chunk.subarray(end + 1, n)); // a copy: the chunk is read into again
        for (const line of text.split('\n')) {
          rows.push(line as RegisterRowText);
          if (rows.length >= batch) {
            yield rows;
            rows = [];
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    if (carry.length > 0 || hash.digest('hex') !== this.sealed) throw new Error('The checked rows kept for writing were altered before they were written');
    if (rows.length > 0) yield rows;
  }

  /** Removes the spill (idempotent). */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What an appender wrote: its bytes' SHA-256, their length and the rows. */
export interface SpillSeal {
  readonly sha256: string;
  readonly bytes: number;
  readonly rows: number;
}

/**
 * Appends rows to a spill another thread made (RowSpill.file) and reads as they come (SpillTail):
 * a register is then written while it is still being checked. Only whole lines are written, one
 * buffer at a time, so every count of `flushed` bytes ends at a line's end.
 */
export class SpillAppender {
  private fd: number | null;
  private buffer = '';
  private pendingRows = 0;
  private readonly hash: Hash = createHash('sha256');
  /** Bytes and rows on disk so far. */
  flushed = 0;
  flushedRows = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'r+'); // the file exists (0600, made by RowSpill): never created here
  }

  add(row: RegisterRowText): void {
    this.buffer += `${row}\n`;
    this.pendingRows += 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.fd === null) throw new Error('The spill of checked rows is already closed');
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.hash.update(bytes);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, this.flushed + at);
    this.flushed += bytes.length;
    this.flushedRows += this.pendingRows;
    this.pendingRows = 0;
  }

  finish(): SpillSeal {
    this.flush();
    this.close();
    return { sha256: this.hash.digest('hex'), bytes: this.flushed, rows: this.flushedRows };
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Reads a spill's rows as an appender writes them, hashing every byte read. */
export class SpillTail {
  private fd: number | null;
  private readonly hash: Hash = createHash('sha256');
  private offset = 0;
  rows = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  /**
   * The next rows in bytes [where the last take ended, `upTo`) — which ends at a line's end — at
   * most about TAKE_AT_MOST bytes of them at a time, so that memory stays bounded however far
   * the appender is ahead (see `pending`).
   */
  take(upTo: number): RegisterRowText[] {
    if (upTo <= this.offset) return [];
    if (this.fd === null) throw new Error('The spill of checked rows is already closed');
    const bytes = Buffer.allocUnsafe(Math.min(upTo - this.offset, TAKE_AT_MOST));
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(this.fd, bytes, at, bytes.length - at, this.offset + at);
      if (n === 0) throw new Error('The checked rows kept for writing end before they were said to');
      at += n;
    }
    // Whole lines only: a row is far shorter than TAKE_AT_MOST, so a cut buffer holds at least one.
    const end = this.offset + bytes.length === upTo ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
    if (end === 0 || bytes[end - 1] !== 0x0a) throw new Error('The checked rows kept for writing were altered before they were written');
    this.offset += end;
    this.hash.update(bytes.subarray(0, end));
    const lines = bytes.toString('utf8', 0, end - 1).split('\n') as RegisterRowText[];
    this.rows += lines.length;
    return lines;
  }

  /** Whether rows before `upTo` are still to be taken. */
  pending(upTo: number): boolean {
    return this.offset < upTo;
  }

  /** Throws unless exactly the appender's bytes were read. */
  end(seal: SpillSeal): void {
    this.close();
    if (this.offset !== seal.bytes || this.rows !== seal.rows || this.hash.digest('hex') !== seal.sha256) throw new Error('The checked rows kept for writing were altered before they were written');
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
