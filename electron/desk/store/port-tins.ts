/** The store port's part for reading one sealed TIN: only a supervisor's reveal asks for it. */
import type { TinType } from './port-register';

export interface SealedTin {
  readonly entryId: number;
  readonly programId: number;
  readonly account: string;
  readonly tinType: TinType;
  readonly tinLast4: string | null;
  /** AES-256-GCM ciphertext (security/tin-vault.ts); null when the register gave no TIN. */
  readonly sealed: Uint8Array | null;
}

export interface TinsReader {
  sealed(entryId: number): Promise<SealedTin | undefined>;
}
