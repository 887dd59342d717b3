import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DENSITIES, prefsPatchInput, TLS_MODES } from '../../../shared/ipc/schemas';
import type { Prefs } from '../../../shared/ipc/types';
import { DurableJsonFile } from './durable-json-file';

/**
 * Workstation preferences: how this machine shows the desk (window, density, printer, recent
 * books). A small JSON document in the user-data folder. Never business data: that lives in
 * the book of record.
 */

export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/**
 * The book this workstation opened last, to open again at the next start: a file, or an office
 * database with its password sealed by the operating system (never in clear), if the clerk asked.
 */
export type LastBook =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres';
      readonly host: string;
      readonly port: number;
      readonly database: string;
      readonly user: string;
      readonly tls: (typeof TLS_MODES)[number];
      readonly sealedPassword: string | null;
    };

export interface PrefsStore {
  get(): Prefs;
  getLastBook(): LastBook | null;
  setLastBook(book: LastBook): Promise<void>;
  update(patch: { density?: 'comfortable' | 'compact'; printer?: string | null }): Promise<Prefs>;
  addRecentBook(path: string): Promise<void>;
  getWindowBounds(): WindowBounds | null;
  setWindowBounds(b: WindowBounds): Promise<void>;
  /** The highest journal head this workstation has seen of the book at `location` (without password). */
  getWitnessedHead(location: string): WitnessedHead | null;
  /** Keeps `head` for `location` if it is higher than the one kept (or always, with `replace`: after a restore). */
  witnessHead(location: string, head: WitnessedHead, options?: { replace?: boolean }): Promise<void>;
  /** A book's TIN data key as the operating system's keychain sealed it, by the book's key id. */
  getSealedTinKey(keyId: string): string | null;
  setSealedTinKey(keyId: string, sealed: string): Promise<void>;
}

/** A journal head as a workstation witnessed it: what a book whose journal was cut back cannot match. */
export interface WitnessedHead {
  readonly seq: number;
  readonly hash: string;
}

/** Books a workstation keeps heads of; the least recently seen go first. */
export const MAX_WITNESSED_BOOKS = 50;

export const MAX_RECENT_BOOKS = 10;

const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});

const recentBooks = (paths: readonly string[]): string[] => [...new Set(paths)].slice(0, MAX_RECENT_BOOKS);

const lastBookSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sqlite'), path: z.string().min(1).max(4096) }),
  z.object({
    kind: z.literal('postgres'),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1).max(63),
    user: z.string().min(1).max(63),
    tls: z.enum(TLS_MODES),
    sealedPassword: z.string().max(10_000).nullable(),
  }),
]);

/** What is on disk. Missing fields take defaults; a field of the wrong kind makes the file corrupt. */
const prefsDocumentSchema = z.object({
  density: z.enum(DENSITIES).default('comfortable'),
  printer: z.string().max(200).nullable().default(null),
  recentBooks: z.array(z.string().min(1).max(4096)).default([]).transform(recentBooks),
  windowBounds: windowBoundsSchema.nullable().default(null),
  lastBook: lastBookSchema.nullable().default(null),
  witnessedHeads: z
    .array(z.object({ location: z.string().min(1).max(4096), seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(MAX_WITNESSED_BOOKS)
    .default([]),
  // Never a key in clear: only what sealSecret (safeStorage) returned.
  sealedTinKeys: z.array(z.object({ keyId: z.string().min(1).max(100), sealed: z.string().min(1).max(10_000) })).max(1000).default([]),
});
type PrefsDocument = z.output<typeof prefsDocumentSchema>;

const defaults = (): PrefsDocument => ({ density: 'comfortable', printer: null, recentBooks: [], windowBounds: null, lastBook: null, witnessedHeads: [], sealedTinKeys: [] });

/** The witnessed heads with `location`'s set to `head` (kept first: the most recently seen). */
function withHead(heads: PrefsDocument['witnessedHeads'], location: string, head: WitnessedHead, replace: boolean): PrefsDocument['witnessedHeads'] {
  const kept = heads.find((h) => h.location === location);
  const next = !replace && kept && kept.seq >= head.seq ? kept : { location, seq: head.seq, hash: head.hash };
  return [next, ...heads.filter((h) => h.location !== location)].slice(0, MAX_WITNESSED_BOOKS);
}

/**
 * Mutations on one file are serialized across every store in this process (main and the desk
 * may each hold one), and each re-reads the file first, so neither overwrites the other's change.
 */
const fileQueues = new Map<string, Promise<unknown>>();
function serialized<T>(filePath: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(filePath);
  const previous = fileQueues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  fileQueues.set(key, settled);
  void settled.then(() => {
    if (fileQueues.get(key) === settled) fileQueues.delete(key);
  });
  return next;
}

export async function openPrefs(filePath: string): Promise<PrefsStore> {
  const db = new Low<PrefsDocument>(new DurableJsonFile(filePath, (raw) => prefsDocumentSchema.parse(raw)), defaults());
  await serialized(filePath, () => db.read());

  const mutate = (change: (doc: PrefsDocument) => PrefsDocument): Promise<void> =>
    serialized(filePath, async () => {
      await db.read();
      // Validated before writing: never write what a later read would set aside as corrupt.
      db.data = prefsDocumentSchema.parse(change(db.data));
      await db.write();
    });

  return {
    get: () => toPrefs(db.data),
    async update(patch) {
      const valid = prefsPatchInput.parse(patch);
      await mutate((doc) => ({
        ...doc,
        ...(valid.density === undefined ? {} : { density: valid.density }),
        ...(valid.printer === undefined ? {} : { printer: valid.printer }),
      }));
      return toPrefs(db.data);
    },
    addRecentBook: (bookPath) => mutate((doc) => ({ ...doc, recentBooks: recentBooks([bookPath, ...doc.recentBooks]) })),
    getLastBook: () => (db.data.lastBook === null ? null : { ...db.data.lastBook }),
    setLastBook: (book) => mutate((doc) => ({ ...doc, lastBook: lastBookSchema.parse(book) })),
    getWindowBounds: () => (db.data.windowBounds === null ? null : { ...db.data.windowBounds }),
    setWindowBounds: (bounds) => mutate((doc) => ({ ...doc, windowBounds: windowBoundsSchema.parse(bounds) })),
    getWitnessedHead: (location) => {
      const kept = db.data.witnessedHeads.find((h) => h.location === location);
      return kept ? { seq: kept.seq, hash: kept.hash } : null;
    },
    witnessHead: (location, head, options = {}) => mutate((doc) => ({ ...doc, witnessedHeads: withHead(doc.witnessedHeads, location, head, options.replace === true) })),
    getSealedTinKey: (keyId) => db.data.sealedTinKeys.find((k) => k.keyId === keyId)?.sealed ?? null,
    setSealedTinKey: (keyId, sealed) => mutate((doc) => ({ ...doc, sealedTinKeys: [...doc.sealedTinKeys.filter((k) => k.keyId !== keyId), { keyId, sealed }] })),
  };
}

const toPrefs = (doc: PrefsDocument): Prefs => ({
  density: doc.density,
  printer: doc.printer,
  recentBooks: [...doc.recentBooks],
});
