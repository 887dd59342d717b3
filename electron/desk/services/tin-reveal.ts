/**
 * A supervisor's look at one holder's full TIN (§15: only a role that needs it, and on record).
 * The reason and who asked go to the journal with the entry's account and the TIN's last four —
 * never the TIN itself. Everywhere else a TIN shows masked (XXX-XX-1234).
 */
import { DeskFailure } from '../../../shared/ipc/result';
import type { TinType } from '../store/port-register';
import { bookTinKey, type TinKeySource } from '../security/tin-vault';
import type { BookStore, JournalActor } from '../store/port';

export interface RevealedTin {
  readonly account: string;
  readonly tinType: TinType;
  /** Formatted as the IRS writes it: 123-45-6789 (SSN, ITIN) or 12-3456789 (EIN). */
  readonly tin: string;
}

export function formatTin(digits: string, type: TinType): string {
  if (!/^\d{9}$/.test(digits)) return digits;
  return type === 'EIN' ? `${digits.slice(0, 2)}-${digits.slice(2)}` : `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

export async function revealTin(store: BookStore, by: JournalActor, entryId: number, reason: string, source: TinKeySource | null, now: () => Date): Promise<RevealedTin> {
  const entry = await store.read((r) => r.tins.sealed(entryId));
  if (!entry) throw new DeskFailure('NOT_FOUND', 'There is no such register entry in this book', 'entryId');
  if (entry.sealed === null) throw new DeskFailure('CONFLICT', `The register gave no TIN for account ${entry.account}`, 'entryId');
  const key = await bookTinKey(store, source, { create: false, now });
  if (key.state !== 'ready') throw new DeskFailure('CONFLICT', `TINs are locked on this desk: ${key.reason}`, 'entryId');
  const tin = formatTin(key.vault.decrypt(entry.sealed), entry.tinType);
  // Journaled before it is shown: a reveal that could not be recorded is not made.
  await store.change(by, 'tin.revealed', async () => ({
    payload: { programId: entry.programId, entryId, account: entry.account, tinType: entry.tinType, last4: entry.tinLast4, reason },
    result: null,
  }));
  return { account: entry.account, tinType: entry.tinType, tin };
}
