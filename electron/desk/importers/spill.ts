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
