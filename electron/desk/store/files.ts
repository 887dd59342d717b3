import { closeSync, existsSync, fsyncSync, openSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Writes bytes to a new file and forces them to disk before returning. */
export function writeDurably(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'wx');
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
