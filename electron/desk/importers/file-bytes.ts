/**
 * Reading a register file: refused at once if it is not a regular file or is larger than
 * MAX_REGISTER_FILE_BYTES; then streamed in chunks (never whole in memory), each chunk hashed
 * (SHA-256 of the bytes exactly as read) and, for text layouts, checked to be UTF-8 as it goes.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';

/** The largest register file read: about four million rows of the contract's CSV. */
export const MAX_REGISTER_FILE_BYTES = 1024 * 1024 * 1024;
/** The longest row (a CSV record, a fixed-width line): far above any real registration. */
export const MAX_ROW_CHARS = 64 * 1024;

/** A file that cannot be imported at all (not found, too large, not UTF-8, no header…): exit 2. */
export class RegisterFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegisterFileError';
  }
}

/** Checks the path names a regular file within the size limit; returns its size. */
export async function checkRegisterFile(file: string, shown: string): Promise<number> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new RegisterFileError(`cannot read ${shown}: ${fsProblem(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new RegisterFileError(`cannot read ${shown}: it is a directory`);
    if (!stat.isFile()) throw new RegisterFileError(`cannot read ${shown}: it is not a regular file`);
    if (stat.size > MAX_REGISTER_FILE_BYTES) throw new RegisterFileError(`${shown} is ${stat.size} bytes, larger than the ${MAX_REGISTER_FILE_BYTES / 1024 / 1024} MiB a register file may be`);
    return stat.size;
  } finally {
    await handle.close();
  }
}

function fsProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** A lead byte's sequence length and the range its second byte must lie in (RFC 3629); length 0: never a lead byte. */
function utf8Lead(b: number): readonly [length: number, low: number, high: number] {
  if (b < 0x80) return [1, 0, 0];
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf];
  if (b === 0xed) return [3, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

/** Strict UTF-8 across chunk boundaries; `fail` gets the byte offset where the first bad sequence starts. */
export class Utf8Checker {
  private need = 0;
  private low = 0x80;
  private high = 0xbf;
  private start = 0;
  private offset = 0;

  /** The offset of the first bad sequence in this chunk (counting from the file's start), or -1. */
  push(chunk: Uint8Array): number {
    for (let i = 0; i < chunk.length; i += 1) {
      const b = chunk[i]!;
      if (this.need > 0) {
        if (b < this.low || b > this.high) return this.start;
        this.need -= 1;
        this.low = 0x80;
        this.high = 0xbf;
        continue;
      }
      if (b < 0x80) continue;
      const [length, low, high] = utf8Lead(b);
      if (length === 0) return this.offset + i;
      this.need = length - 1;
      this.low = low;
      this.high = high;
      this.start = this.offset + i;
    }
    this.offset += chunk.length;
    return -1;
  }

  /** At the end of the file: the offset of a sequence cut short, or -1. */
  end(): number {
    return this.need > 0 ? this.start : -1;
  }
}

/** What was read: the SHA-256 of every byte and how many bytes (complete once the stream has ended). */
export interface ReadDigest {
  sha256(): string;
  bytes(): number;
}

/** The file as a stream of chunks, hashed as read; `utf8` refuses a bad byte with its offset. */
export function readRegisterBytes(file: string, shown: string, options: { utf8: boolean }): { stream: Transform; digest: ReadDigest } {
  const hash = createHash('sha256');
  const checker = options.utf8 ? new Utf8Checker() : null;
  let count = 0;
  let hex: string | null = null;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      hash.update(chunk);
      count += chunk.length;
      const bad = checker?.push(chunk) ?? -1;
      if (bad >= 0) done(notUtf8(shown, bad));
      else done(null, chunk);
    },
    flush(done: TransformCallback) {
      const bad = checker?.end() ?? -1;
      hex = hash.digest('hex');
      done(bad >= 0 ? notUtf8(shown, bad) : null);
    },
  });
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  source.on('error', (error) => tap.destroy(error instanceof RegisterFileError ? error : new RegisterFileError(`cannot read ${shown}: ${fsProblem(error)}`)));
  source.pipe(tap);
  // Stopping early (a cancel, a file refused half-way) closes the file too.
  tap.on('close', () => source.destroy());
  return {
    stream: tap,
    digest: {
      sha256: () => {
        if (hex === null) throw new Error('The file was not read to its end');
        return hex;
      },
      bytes: () => count,
    },
  };
}

const notUtf8 = (shown: string, offset: number) => new RegisterFileError(`${shown} is not valid UTF-8: the bytes at offset ${offset} are not a character`);
