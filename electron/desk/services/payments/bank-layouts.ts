/** Banks' clearance file layouts, saved by bank and name; saving again records the next version (the old ones stay). */
import { bankLayoutSpec, type BankLayoutSpec, type BankLayoutView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BankLayoutRecord, BookStore, ReadRepos } from '../../store/port';
import { actorOf } from '../views';

function toView(r: BankLayoutRecord): BankLayoutView {
  const parsed = bankLayoutSpec.safeParse(r.spec);
  if (!parsed.success) throw new Error(`The stored layout ${r.bank} / ${r.name} v${r.version} no longer reads`);
  return { bank: r.bank, name: r.name, version: r.version, spec: parsed.data, savedAt: r.savedAt };
}

export const listBankLayouts = (store: BookStore): Promise<BankLayoutView[]> => store.read(async (r) => (await r.payments.bankLayouts()).map(toView));

/** The newest version of a saved layout, or a NOT_FOUND naming what exists. */
export async function resolveBankLayout(r: ReadRepos, bank: string, name: string): Promise<BankLayoutView> {
  const found = await r.payments.bankLayout(bank, name);
  if (found) return toView(found);
  const known = (await r.payments.bankLayouts()).filter((l) => l.bank === bank).map((l) => `"${l.name}"`);
  const hint = known.length > 0 ? `; ${bank} has ${known.join(', ')}` : `; no layout is saved for ${bank} yet`;
  throw new DeskFailure('NOT_FOUND', `Layout name: there is no layout "${name}" for ${bank}${hint}`, 'layout');
}

export async function saveBankLayout(store: BookStore, by: SessionUser, input: { bank: string; name: string; spec: BankLayoutSpec }): Promise<BankLayoutView> {
  const columns = Object.values(input.spec.columns).map((c) => c.trim().toLowerCase());
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice) throw new DeskFailure('INVALID_INPUT', `Layout: the column "${twice}" is named for two fields`, 'spec.columns');
  const words = [...input.spec.clearedWords, ...input.spec.returnedWords].map((w) => w.trim().toUpperCase());
  const both = words.find((w, i) => words.indexOf(w) !== i);
  if (both) throw new DeskFailure('INVALID_INPUT', `Layout: the status word "${both}" is named twice (cleared and returned must differ)`, 'spec.returnedWords');
  return store.change(actorOf(by), 'payments.bankLayoutSaved', async (tx, at) => {
    const previous = await tx.payments.bankLayout(input.bank, input.name);
    const version = (previous?.version ?? 0) + 1;
    const id = await tx.intake.insert('bank_layouts', { bank: input.bank, name: input.name, version, spec: input.spec, savedAt: at, savedBy: by.id });
    const view: BankLayoutView = { bank: input.bank, name: input.name, version, spec: input.spec, savedAt: at };
    return { payload: { bankLayoutId: id, bank: input.bank, name: input.name, version, spec: input.spec, before: previous ? { version: previous.version, spec: previous.spec } : null }, result: view };
  });
}
