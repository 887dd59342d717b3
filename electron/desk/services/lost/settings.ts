/**
 * A program's indemnity settings (§2c): the surety's bond rate, the minimum premium, the market
 * value of one right on the stop date and the processing fee. Set by a supervisor (main checks
 * the role); a change is a new version, the earlier ones stay as they were (append-only).
 */
import { dec, formatDecimal, formatMoney } from '../../../../shared/domain/money';
import type { LostSettingsView } from '../../../../shared/ipc/lost';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, JournalActor, LostRecord } from '../../store/port';
import { rightsProgram } from '../certificates';

export interface SettingsInput {
  readonly programId: number;
  readonly bondRate: string;
  readonly minimumPremium: string;
  readonly valuePerRight: string;
  readonly processingFee: string;
  readonly reason: string;
}

/** "45.5" → "45.50": the two-decimal text the book keeps (the schema has already checked the digits). */
export const twoDecimals = (amount: string): string => formatMoney(dec(amount));

/** "0.020" → "0.02": a decimal without trailing zeros, exact. */
const plainDecimal = (s: string): string => formatDecimal(dec(s), 0);

export const settingsView = (s: LostRecord<'lost_settings'>): LostSettingsView => ({
  programId: s.programId, version: s.version, bondRate: s.bondRate, minimumPremium: s.minimumPremium, valuePerRight: s.valuePerRight, processingFee: s.processingFee, setAt: s.setAt,
});

export async function setLostSettings(store: BookStore, by: JournalActor, input: SettingsInput): Promise<LostSettingsView> {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Indemnity settings are set by a signed-in supervisor');
  const bondRate = plainDecimal(input.bondRate);
  if (dec(bondRate).greaterThan(1)) throw new DeskFailure('INVALID_INPUT', `Bond rate: ${bondRate} is more than 100% of the market value; type a fraction such as 0.02 for 2%`, 'bondRate');
  return store.change(by, 'lost.settingsSet', async (tx, at) => {
    await rightsProgram(tx, input.programId);
    const before = await tx.lost.currentSettings(input.programId);
    const row = {
      programId: input.programId, version: (before?.version ?? 0) + 1, bondRate, minimumPremium: twoDecimals(input.minimumPremium),
      valuePerRight: plainDecimal(input.valuePerRight), processingFee: twoDecimals(input.processingFee), reason: input.reason, setAt: at, setBy: by.id as number,
    };
    const id = await tx.lost.insert('lost_settings', row);
    const saved = { id, ...row };
    const pick = (s: typeof saved | LostRecord<'lost_settings'> | undefined) => s && { version: s.version, bondRate: s.bondRate, minimumPremium: s.minimumPremium, valuePerRight: s.valuePerRight, processingFee: s.processingFee };
    return { payload: { programId: input.programId, reason: input.reason, before: pick(before) ?? null, after: pick(saved) }, result: settingsView(saved) };
  });
}
