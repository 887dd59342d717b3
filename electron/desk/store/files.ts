import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Writes bytes to a new file and forces them to disk before returning. */
export function writeDurably(file: string, bytes: Uint8Array): void {
  // Owner-only from the first byte: a book holds password hashes and encrypted TINs.
  const fd = openSync(file, 'wx', PRIVATE_MODE);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename inside `dir` durable. Some platforms cannot open a folder; that is fine there. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows: directories cannot be fsynced; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** As fsyncFile, on libuv's threads (a large file takes a while to reach the disk). */
export async function fsyncFileAsync(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** As fsyncDirectory, on libuv's threads: the main thread does not wait for the disk, busy with a large copy. */
export async function fsyncDirectoryAsync(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows: directories cannot be fsynced; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

/** Owner read/write only: every copy of a book the desk makes starts so. */
export const PRIVATE_MODE = 0o600;

/**
 * Creates `file` empty and owner-only, so that SQLite (which keeps an existing file's mode, and
 * gives its -wal/-journal the same) writes a copy nobody else can read, even for a moment.
 */
export function createPrivate(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_MODE));
}

/** What temporarySibling names: `.<name>.<purpose>-<12 hex>`, and what SQLite keeps beside it. */
const TEMPORARY = /^\..+\.(backup|restore)-[0-9a-f]{12}(-wal|-shm|-journal)?$/;

/** A temporary copy untouched this long was left by a crash, not by a copy still being written. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Removes the desk's own temporary copies in `dir` that a crash left behind (they hold password
 * hashes and encrypted TINs). Only names temporarySibling makes, and only ones no longer being
 * written (a backup by another process may be under way). Returns what was removed.
 */
export function sweepTemporaries(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // a folder we cannot read holds nothing of ours to clean
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => TEMPORARY.test(n))) {
    const file = path.join(dir, name);
    try {
      const stat = lstatSync(file);
      if (!stat.isFile() || now - stat.mtimeMs < ABANDONED_AFTER_MS) continue;
      unlinkSync(file);
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

/** A sibling name for work in progress, so the final rename stays on one file system. */
export function temporarySibling(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${randomBytes(6).toString('hex')}`);
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** True when two paths name the same file (following links), or the same path if neither exists. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

/** A UTC instant as a file-name-safe stamp: 20261122T045000Z. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
