import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';

/**
 * A lowdb adapter that survives power loss: each write goes to a temporary file in the same
 * folder, is fsynced, renamed over the target, and the folder entry is fsynced too.
 * (lowdb's own JSONFile renames without fsync, so a crash can leave an empty file.)
 *
 * `parse` turns the raw JSON into valid data or throws. A file that cannot be read, is not JSON
 * or does not parse is moved aside as `<name>.corrupt-<stamp>` and reads as missing (null),
 * so that a damaged file never stops the app and is kept for whoever wants to look at it.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly filePath: string,
    private readonly parse: (raw: unknown) => T,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      await this.setAside();
      return null;
    }
    try {
      return this.parse(JSON.parse(text));
    } catch {
      await this.setAside();
      return null;
    }
  }

  async write(data: T): Promise<void> {
    const folder = path.dirname(this.filePath);
    await mkdir(folder, { recursive: true });
    const temp = `${this.filePath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(data, null, 2) + '\n', 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.filePath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncFolder(folder);
  }

  /** Moves the damaged file out of the way; returns where it went, or null if it could not. */
  async setAside(): Promise<string | null> {
    const target = `${this.filePath}.corrupt-${fileStamp(this.now())}`;
    try {
      await rename(this.filePath, target);
      return target;
    } catch {
      return null; // unreadable and immovable: defaults still apply, the next write may fix it
    }
  }
}

/** An ISO instant usable in a file name on every platform (no colons). */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals it. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const isCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
