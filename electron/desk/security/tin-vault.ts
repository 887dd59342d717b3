/**
 * TINs encrypted at rest: AES-256-GCM under the book's data key (32 random bytes). The book keeps
 * only the key's id and an HMAC check value (tin_keys); the key itself lives outside the book:
 * on a workstation sealed by the operating system's keychain (Electron safeStorage, in the
 * workstation preferences under the key id); for the command line and tests in a key file
 * (OFFERING_DESK_TIN_KEY_FILE, base64, created owner-only) or OFFERING_DESK_TIN_KEY (base64).
 * A book copied without its key still opens: its TINs then read as "locked" (last four shown).
 * A TIN is never logged and never part of an error message.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, randomFillSync, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore, TinKeyRecord } from '../store/port';

export const TIN_KEY_FILE_ENV = 'OFFERING_DESK_TIN_KEY_FILE';
export const TIN_KEY_ENV = 'OFFERING_DESK_TIN_KEY';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** The check value the book keeps: proves a key is the book's without revealing it. */
export function keyCheckValue(key: Uint8Array, keyId: string): string {
  return createHmac('sha256', key).update(`offering-desk/tin-key-check@1\u0000${keyId}`).digest('hex');
}

/** Nonces drawn from the system's CSPRNG this many at a time (one call instead of one per TIN). */
const NONCE_BATCH = 4096;

/**
 * Encrypts and decrypts one book's TINs; the key id is bound into every ciphertext (AAD). Each
 * TIN gets a random 96-bit nonce: far below the 2^32 messages per key GCM allows that way.
 */
export class TinVault {
  private readonly aad: Buffer;
  // A KeyObject: Node would otherwise import the raw key anew for every cipher (~7× slower).
  private readonly keyObject: KeyObject;
  private nonces = Buffer.alloc(0);
  private nextNonce = 0;
  constructor(
    readonly keyId: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== KEY_BYTES) throw new Error('A TIN key is 32 bytes');
    this.aad = Buffer.from(`offering-desk/tin@1:${keyId}`, 'utf8');
    this.keyObject = createSecretKey(key);
  }

  private nonce(): Buffer {
    if (this.nextNonce >= this.nonces.length) {
      this.nonces = randomFillSync(Buffer.alloc(NONCE_BYTES * NONCE_BATCH));
      this.nextNonce = 0;
    }
    const nonce = this.nonces.subarray(this.nextNonce, this.nextNonce + NONCE_BYTES);
    this.nextNonce += NONCE_BYTES;
    return nonce;
  }

  /** version | 12-byte nonce | ciphertext | 16-byte tag. */
  encrypt(tin: string): Uint8Array {
    const nonce = this.nonce();
    const cipher = createCipheriv('aes-256-gcm', this.keyObject, nonce, { authTagLength: TAG_BYTES }).setAAD(this.aad);
    // GCM is a stream mode: update gives every byte of the body and final none (a million TINs
    // are sealed in an import, so the pieces are copied once into one buffer, not concatenated).
    const body = cipher.update(tin, 'utf8');
    const rest = cipher.final();
    const sealed = Buffer.allocUnsafe(1 + NONCE_BYTES + body.length + rest.length + TAG_BYTES);
    sealed[0] = VERSION;
    nonce.copy(sealed, 1);
    body.copy(sealed, 1 + NONCE_BYTES);
    rest.copy(sealed, 1 + NONCE_BYTES + body.length);
    cipher.getAuthTag().copy(sealed, 1 + NONCE_BYTES + body.length + rest.length);
    return sealed;
  }

  /** The TIN, or an error (never naming it) when the bytes were not sealed by this key for this book. */
  decrypt(sealed: Uint8Array): string {
    const bytes = Buffer.from(sealed);
    if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw new Error('An encrypted TIN is not in a form this desk reads');
    const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.keyObject, nonce, { authTagLength: TAG_BYTES }).setAAD(this.aad);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('An encrypted TIN failed its authentication check (altered, or sealed under another key)');
    }
  }

  matches(record: TinKeyRecord): boolean {
    const expected = Buffer.from(record.keyCheck, 'hex');
    const actual = Buffer.from(keyCheckValue(this.key, this.keyId), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** The key as text, to hand to a worker thread of this process (never written anywhere). */
  exportKey(): string {
    return this.key.toString('base64');
  }

  static fromExported(keyId: string, base64: string): TinVault {
    return new TinVault(keyId, Buffer.from(base64, 'base64'));
  }
}

/** Where a book's data key is kept outside the book. */
export interface TinKeySource {
  /** In words, for messages: "the key file …", "OFFERING_DESK_TIN_KEY", "this workstation's keychain". */
  readonly describe: string;
  /** The key this source holds for `keyId`, or null. */
  find(keyId: string): Promise<Buffer | null>;
  /** A key for a book that has none yet: kept by the source before it is returned. */
  create(keyId: string): Promise<Buffer>;
}

function parseKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== KEY_BYTES) throw new DeskFailure('INVALID_INPUT', `${where} does not hold a TIN key (32 bytes in base64)`);
  return key;
}

/** The command line's and tests' source: OFFERING_DESK_TIN_KEY, else OFFERING_DESK_TIN_KEY_FILE; null if neither is set. */
export function environmentKeySource(env: NodeJS.ProcessEnv = process.env): TinKeySource | null {
  const inline = env[TIN_KEY_ENV];
  if (inline !== undefined && inline.trim() !== '') {
    const key = parseKey(inline, TIN_KEY_ENV);
    return { describe: TIN_KEY_ENV, find: async () => key, create: async () => key };
  }
  const file = env[TIN_KEY_FILE_ENV];
  if (file === undefined || file.trim() === '') return null;
  const describe = `the TIN key file ${file}`;
  const read = async (): Promise<Buffer | null> => {
    try {
      return parseKey(await readFile(file, 'utf8'), describe);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if (error instanceof DeskFailure) throw error;
      throw new DeskFailure('INVALID_INPUT', `${describe} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  return {
    describe,
    find: read,
    async create() {
      const existing = await read();
      if (existing) return existing;
      const key = randomBytes(KEY_BYTES);
      // wx: never replaces a key file another command created meanwhile; 0600: the owner alone.
      const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return null;
        throw new DeskFailure('INVALID_INPUT', `${describe} cannot be created (${error.code ?? 'error'})`);
      });
      if (handle === null) return (await read()) ?? key;
      try {
        await handle.writeFile(`${key.toString('base64')}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return key;
    },
  };
}

/** What a workstation needs: the keychain (DeskHost) and a place for sealed keys (the preferences). */
export interface SealedKeyShelf {
  sealSecret(plain: string): string | null;
  unsealSecret(sealed: string): string | null;
  getSealedTinKey(keyId: string): string | null;
  setSealedTinKey(keyId: string, sealed: string): Promise<void>;
}

export function workstationKeySource(shelf: SealedKeyShelf): TinKeySource {
  return {
    describe: "this workstation's keychain",
    async find(keyId) {
      const sealed = shelf.getSealedTinKey(keyId);
      const plain = sealed === null ? null : shelf.unsealSecret(sealed);
      return plain === null ? null : parseKey(plain, "this workstation's keychain");
    },
    async create(keyId) {
      const key = randomBytes(KEY_BYTES);
      const sealed = shelf.sealSecret(key.toString('base64'));
      if (sealed === null) throw new DeskFailure('CONFLICT', "This workstation has no keychain to keep the book's TIN key in, so TINs cannot be encrypted here; import on a workstation with one, or from the command line with OFFERING_DESK_TIN_KEY_FILE");
      await shelf.setSealedTinKey(keyId, sealed);
      return key;
    },
  };
}

/** The book's TIN key as far as this desk can have it. */
export type BookTinKey =
  | { readonly state: 'ready'; readonly vault: TinVault; readonly record: TinKeyRecord; readonly isNew: boolean }
  | { readonly state: 'locked'; readonly keyId: string | null; readonly reason: string };

/**
 * The vault for `store`'s TINs. A book without a key gets one only when `create` (an import
 * about to write TINs); the new record is then for the caller's change to insert. A key whose
 * check value differs is refused in words; no key at hand leaves the TINs locked.
 */
export async function bookTinKey(store: BookStore, source: TinKeySource | null, options: { create: boolean; now: () => Date }): Promise<BookTinKey> {
  const record = await store.read((r) => r.register.tinKey());
  if (record) {
    const key = source ? await source.find(record.keyId) : null;
    if (key === null) return { state: 'locked', keyId: record.keyId, reason: `this book's TIN key (id ${record.keyId}) is not available${source ? ` from ${source.describe}` : ' (no key source is set)'}` };
    const vault = new TinVault(record.keyId, key);
    if (!vault.matches(record)) throw wrongKey(source?.describe ?? 'the key given', record.keyId);
    return { state: 'ready', vault, record, isNew: false };
  }
  if (!options.create || source === null) return { state: 'locked', keyId: null, reason: source === null ? 'no TIN key source is set' : 'this book has no TIN key yet' };
  const keyId = randomUUID();
  const key = await source.create(keyId);
  return { state: 'ready', vault: new TinVault(keyId, key), record: { keyId, keyCheck: keyCheckValue(key, keyId), createdAt: options.now().toISOString() }, isNew: true };
}

export const wrongKey = (where: string, keyId: string): DeskFailure =>
  new DeskFailure('BOOK_REFUSED', `The TIN key from ${where} is not this book's key (id ${keyId}): its check value does not match, so no TIN was read or written`);

/** A TIN as a reader may see it: in clear with the key, else "locked" with its last four masked. */
export type TinReading = { readonly state: 'clear'; readonly tin: string } | { readonly state: 'locked'; readonly masked: string | null } | { readonly state: 'none' };

export function readTin(vault: TinVault | null, sealed: Uint8Array | null, last4: string | null): TinReading {
  if (sealed === null) return { state: 'none' };
  if (vault === null) return { state: 'locked', masked: last4 === null ? null : `XXX-XX-${last4}` };
  return { state: 'clear', tin: vault.decrypt(sealed) };
}
