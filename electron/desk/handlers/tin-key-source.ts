// Where a desk finds its books' TIN keys: the import that encrypts them and the reveal that reads one.
import { environmentKeySource, workstationKeySource, type TinKeySource } from '../security/tin-vault';
import type { HandlerContext } from './types';

/** OFFERING_DESK_TIN_KEY(_FILE) where set (the command line, tests), else this workstation's keychain. */
export async function keySource(ctx: HandlerContext): Promise<TinKeySource> {
  const fromEnvironment = environmentKeySource();
  if (fromEnvironment) return fromEnvironment;
  const prefs = await ctx.prefs();
  return workstationKeySource({
    sealSecret: (plain) => ctx.host.sealSecret(plain),
    unsealSecret: (sealed) => ctx.host.unsealSecret(sealed),
    getSealedTinKey: (keyId) => prefs.getSealedTinKey(keyId),
    setSealedTinKey: (keyId, sealed) => prefs.setSealedTinKey(keyId, sealed),
  });
}

