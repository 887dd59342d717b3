import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password';

describe('passwords', () => {
  it('stores scrypt parameters and a per-user salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b); // different salts
    expect(a).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
  });

  it('treats a malformed or hostile stored hash as a mismatch', async () => {
    await expect(verifyPassword('x', 'not a hash')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA==$aGFzaA==')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$32768$8$1$$')).resolves.toBe(false);
  });

  it('has a decoy check for unknown users that always fails', async () => {
    await expect(verifyAgainstDecoy('anything at all')).resolves.toBe(false);
  });
});
