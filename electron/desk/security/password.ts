import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes: scrypt with a random salt per user. The parameters are stored with the
 * hash ("scrypt$N$r$p$salt$hash", base64) so they can be raised later without breaking old ones.
 */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, under a second). */
export const PRODUCTION_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/**
 * A hash read from a book is data: parameters above these are refused before any work is done,
 * so a crafted book cannot stall sign-in or exhaust memory (2^18 × 8 × 128 bytes = 256 MiB).
 */
export const HASH_LIMITS = { maxN: 2 ** 18, maxR: 16, maxP: 4, maxMemoryBytes: 256 * 1024 * 1024, maxSaltBytes: 64 } as const;

let cost: ScryptCost = PRODUCTION_COST;

/**
 * Tests only: hashes new passwords at a lower cost so suites stay fast (wired by the test setup
 * file, never by the app). Returns the cost in force before.
 */
export function setHashCostForTests(next: ScryptCost): ScryptCost {
  const before = cost;
  cost = next;
  return before;
}

/** The cost new hashes are made with (PRODUCTION_COST unless a test lowered it). */
export const currentHashCost = (): ScryptCost => cost;

function derive(password: string, salt: Buffer, params: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const params = cost;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  readonly params: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

/** Why a stored hash is refused without being tried, or null when it may be checked. */
export function refusedHash(stored: string): string | null {
  const parsed = parseHash(stored);
  return typeof parsed === 'string' ? parsed : null;
}

function parseHash(stored: string): ParsedHash | string {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'not a scrypt hash';
  const numbers = parts.slice(1, 4);
  if (!numbers.every((x) => /^[1-9][0-9]{0,9}$/.test(x ?? ''))) return 'its parameters are not whole numbers';
  const [N, r, p] = numbers.map((x) => Number.parseInt(x ?? '', 10)) as [number, number, number];
  if (N < 2 || (N & (N - 1)) !== 0) return 'N is not a power of two';
  if (N > HASH_LIMITS.maxN || r > HASH_LIMITS.maxR || p > HASH_LIMITS.maxP || 128 * N * r > HASH_LIMITS.maxMemoryBytes) {
    return `its cost (N=${N}, r=${r}, p=${p}) is above what the desk accepts`;
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || salt.length > HASH_LIMITS.maxSaltBytes) return 'its salt is missing or too long';
  if (key.length !== KEY_BYTES) return `its key is not ${KEY_BYTES} bytes`;
  return { params: { N, r, p }, salt, key };
}

/**
 * True when `password` matches `stored`; false for a wrong password or a malformed or too costly
 * hash, which `onRefused` hears about (the caller logs it) without anything being derived.
 */
export async function verifyPassword(password: string, stored: string, onRefused?: (why: string) => void): Promise<boolean> {
  const parsed = parseHash(stored);
  if (typeof parsed === 'string') {
    onRefused?.(parsed);
    return false;
  }
  const actual = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(actual, parsed.key);
}

/** True when a stored hash was made at a lower cost than new ones are: re-hash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (typeof parsed === 'string') return false;
  return parsed.params.N < cost.N || parsed.params.r < cost.r;
}

let decoy: Promise<string> | undefined;
let decoyCost: ScryptCost | undefined;
/** Spends the same time as a real check, so an unknown user name cannot be told by timing. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  if (decoyCost !== cost) {
    decoyCost = cost;
    decoy = hashPassword(randomBytes(16).toString('hex'));
  }
  await verifyPassword(password, await (decoy as Promise<string>));
  return false;
}
