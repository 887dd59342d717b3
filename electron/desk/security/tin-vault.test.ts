import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp';
import { environmentKeySource, keyCheckValue, readTin, TinVault, workstationKeySource, type SealedKeyShelf } from './tin-vault';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('tin-vault-');
});
afterEach(() => dir.cleanup());

const key = Buffer.alloc(32, 3);

describe('TinVault', () => {
  it('round-trips a TIN as version | nonce | ciphertext | tag, a fresh nonce each time', () => {
    const vault = new TinVault('k1', key);
    const a = vault.encrypt('123456789');
    const b = vault.encrypt('123456789');
    expect(a.length).toBe(1 + 12 + 9 + 16);
    expect(a[0]).toBe(1);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(vault.decrypt(a)).toBe('123456789');
    expect(Buffer.from(a).includes(Buffer.from('123456789'))).toBe(false);
  });

  it('binds the key id: the same key under another id, an altered byte, or another key is refused without naming the TIN', () => {
    const sealed = new TinVault('k1', key).encrypt('123456789');
    expect(() => new TinVault('k2', key).decrypt(sealed)).toThrow('failed its authentication check');
    const altered = Buffer.from(sealed);
    altered[15] = (altered[15] ?? 0) ^ 1;
    expect(() => new TinVault('k1', key).decrypt(altered)).toThrow(/authentication/);
    expect(() => new TinVault('k1', Buffer.alloc(32, 4)).decrypt(sealed)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('123456789') }));
  });

  it('knows its own check value and no other key\'s', () => {
    const vault = new TinVault('k1', key);
    expect(vault.matches({ keyId: 'k1', keyCheck: keyCheckValue(key, 'k1'), createdAt: '' })).toBe(true);
    expect(vault.matches({ keyId: 'k1', keyCheck: keyCheckValue(Buffer.alloc(32, 9), 'k1'), createdAt: '' })).toBe(false);
  });

  it('reads "locked" without the key, the last four masked', () => {
    const sealed = new TinVault('k1', key).encrypt('123456789');
    expect(readTin(null, sealed, '6789')).toEqual({ state: 'locked', masked: 'XXX-XX-6789' });
    expect(readTin(new TinVault('k1', key), sealed, '6789')).toEqual({ state: 'clear', tin: '123456789' });
    expect(readTin(null, null, null)).toEqual({ state: 'none' });
  });
});

describe('key sources', () => {
  it('creates the key file owner-only (0600) when first needed, then reads the same key', async () => {
    const file = dir.file('book.tinkey');
    const source = environmentKeySource({ OFFERING_DESK_TIN_KEY_FILE: file })!;
    expect(await source.find('any')).toBeNull();
    const created = await source.create('k1');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(created)).toBe(true);
    expect((await source.find('k1'))?.equals(created)).toBe(true);
    expect((await source.create('k2')).equals(created)).toBe(true);
  });

  it('takes OFFERING_DESK_TIN_KEY first, and refuses what is not 32 bytes of base64, in words', async () => {
    const inline = environmentKeySource({ OFFERING_DESK_TIN_KEY: key.toString('base64'), OFFERING_DESK_TIN_KEY_FILE: dir.file('x') })!;
    expect((await inline.find('k'))?.equals(key)).toBe(true);
    expect(() => environmentKeySource({ OFFERING_DESK_TIN_KEY: 'short' })).toThrow('OFFERING_DESK_TIN_KEY does not hold a TIN key (32 bytes in base64)');
    writeFileSync(dir.file('bad'), 'not a key');
    await expect(environmentKeySource({ OFFERING_DESK_TIN_KEY_FILE: dir.file('bad') })!.find('k')).rejects.toThrow('does not hold a TIN key');
    expect(environmentKeySource({})).toBeNull();
  });

  it('on a workstation, seals the key with the keychain under its id', async () => {
    const kept = new Map<string, string>();
    const shelf: SealedKeyShelf = {
      sealSecret: (plain) => `sealed:${Buffer.from(plain).toString('hex')}`,
      unsealSecret: (s) => (s.startsWith('sealed:') ? Buffer.from(s.slice(7), 'hex').toString() : null),
      getSealedTinKey: (id) => kept.get(id) ?? null,
      setSealedTinKey: async (id, s) => void kept.set(id, s),
    };
    const source = workstationKeySource(shelf);
    const created = await source.create('k1');
    expect(kept.get('k1')).not.toContain(created.toString('base64'));
    expect((await source.find('k1'))?.equals(created)).toBe(true);
    expect(await source.find('k2')).toBeNull();
    await expect(workstationKeySource({ ...shelf, sealSecret: () => null }).create('k3')).rejects.toThrow('no keychain');
  });
});
