import { describe, expect, it } from 'vitest';
import { HASH_LIMITS, PRODUCTION_COST, currentHashCost, hashPassword, needsRehash, refusedHash, setHashCostForTests, verifyAgainstDecoy, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes at N = 2^17 or more in production (OWASP), r = 8, p = 1', () => {
    expect(PRODUCTION_COST.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(PRODUCTION_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    // The test setup lowers the cost for speed; the app never calls setHashCostForTests.
    expect(currentHashCost().N).toBeLessThan(PRODUCTION_COST.N);
  });

  it('makes a production-cost hash that verifies', async () => {
    const before = setHashCostForTests(PRODUCTION_COST);
    try {
      const hash = await hashPassword('correct horse battery');
      expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    } finally {
      setHashCostForTests(before);
    }
  });

  it('stores scrypt parameters and a per-user salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b); // different salts
    expect(a).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
  });

  it('keeps accepting an older hash made at a smaller N, and says it should be re-hashed', async () => {
    const before = setHashCostForTests({ N: 2 ** 4, r: 8, p: 1 });
    const old = await hashPassword('an older password here');
    setHashCostForTests(before);
    await expect(verifyPassword('an older password here', old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('a newer password here'))).toBe(false);
  });

  it('refuses a malformed or too costly stored hash without deriving anything, and says why', async () => {
    const salt = Buffer.alloc(16, 1).toString('base64');
    const key = Buffer.alloc(32, 2).toString('base64');
    const hostile = [
      'not a hash',
      `scrypt$1073741824$8$1$${salt}$${key}`, // 2^30: would take a gigabyte and minutes
      `scrypt$${HASH_LIMITS.maxN * 2}$8$1$${salt}$${key}`,
      `scrypt$1024$${HASH_LIMITS.maxR + 1}$1$${salt}$${key}`,
      `scrypt$1024$8$${HASH_LIMITS.maxP + 1}$${salt}$${key}`,
      `scrypt$262144$16$1$${salt}$${key}`, // within N and r, above the memory cap
      `scrypt$1000$8$1$${salt}$${key}`, // not a power of two
      `scrypt$1024$8$1$${salt}$${Buffer.alloc(4096).toString('base64')}`, // key length
      `scrypt$1024$8$1$${Buffer.alloc(4096).toString('base64')}$${key}`, // salt length
      'scrypt$32768$8$1$$',
      `scrypt$1e5$8$1$${salt}$${key}`,
    ];
    for (const stored of hostile) {
      const heard: string[] = [];
      const started = performance.now();
      await expect(verifyPassword('x', stored, (why) => heard.push(why))).resolves.toBe(false);
      expect(performance.now() - started).toBeLessThan(50);
      expect(heard).toHaveLength(1);
      expect(refusedHash(stored)).not.toBeNull();
    }
  });

  it('has a decoy check for unknown users that always fails', async () => {
    await expect(verifyAgainstDecoy('anything at all')).resolves.toBe(false);
  });
});
