/**
 * Reading an input file for a command (a program file, a layout…): only a regular file, no
 * larger than the command's stated limit — refused before any of it is read — and strict UTF-8,
 * a bad byte refused with its offset (never turned into U+FFFD). The same rules as `settle`.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from './commands/settle';
import { CliError } from './io';

export interface InputLimit {
  readonly maxBytes: number;
  /** What the file is, for the message: "a program file". */
  readonly what: string;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a folder in the path is not a directory';
  return (code ?? (error instanceof Error ? error.message : String(error))).replace(/\s+/g, ' ').slice(0, 120);
}

/** `1 MiB`, `256 MiB`, `64 KiB`. */
export const sizeInWords = (bytes: number): string => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`);

/** The file's bytes; exit 2 for anything that is not a readable regular file within the limit. */
export async function readInputFile(file: string, shown: string, limit: InputLimit): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new CliError(`cannot read ${shown}: it is a directory`);
    if (stat.isFIFO()) throw new CliError(`cannot read ${shown}: it is a named pipe (FIFO), not a file`);
    if (!stat.isFile()) throw new CliError(`cannot read ${shown}: it is a device or socket, not a file`);
    if (stat.size > limit.maxBytes) throw new CliError(`${shown} is ${stat.size} bytes, larger than the ${sizeInWords(limit.maxBytes)} ${limit.what} may be`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}

/** Strict UTF-8 text without a leading byte-order mark. */
export function decodeStrictUtf8(bytes: Buffer, shown: string): string {
  if (!isUtf8(bytes)) throw new CliError(`${shown} is not valid UTF-8: the bytes at offset ${firstInvalidUtf8(bytes)} are not a character`);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's JSON; exit 2 for an empty file or one that does not parse. */
export function parseJsonText(text: string, shown: string, what: string): unknown {
  if (text.trim() === '') throw new CliError(`${shown} is empty, not ${what}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new CliError(`${shown} is not valid JSON: ${message}`);
  }
}
