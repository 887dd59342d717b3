/** An issuer's saved file layouts (import_layouts): each save of a name is its next version. */
import { DeskFailure } from '../../../shared/ipc/result';
import { DEFAULT_LAYOUT, DEFAULT_LAYOUT_NAME, parseLayout, type LayoutSpec } from '../importers/layout';
import type { BookStore, JournalActor, LayoutRecord } from '../store/port';

export interface SavedLayoutView {
  readonly issuer: string;
  readonly name: string;
  readonly version: number;
  readonly format: LayoutSpec['format'];
  readonly spec: LayoutSpec;
  readonly savedAt: string;
  readonly savedBy: string | null;
}

const toView = (r: LayoutRecord): SavedLayoutView => {
  const parsed = parseLayout(r.spec);
  // A stored layout was validated when saved; one that no longer reads is shown as the default's shape.
  return { issuer: r.issuer, name: r.name, version: r.version, format: r.format, spec: parsed.ok ? parsed.spec : DEFAULT_LAYOUT, savedAt: r.savedAt, savedBy: r.savedBy };
};

export function listLayouts(store: BookStore, issuer: string): Promise<SavedLayoutView[]> {
  return store.read(async (r) => (await r.register.layouts(issuer)).map(toView));
}

/** Saves the next version of the issuer's layout `name`; the spec is checked first, in words. */
export async function saveLayout(store: BookStore, actor: JournalActor, input: { issuer: string; name: string; spec: unknown }): Promise<SavedLayoutView> {
  const issuer = input.issuer.trim();
  const name = input.name.trim();
  if (issuer === '') throw new DeskFailure('INVALID_INPUT', 'Issuer: a name is needed', 'issuer');
  if (name === '' || name.length > 100) throw new DeskFailure('INVALID_INPUT', 'Layout name: 1 to 100 characters', 'name');
  const parsed = parseLayout(input.spec);
  if (!parsed.ok) throw new DeskFailure('INVALID_INPUT', `Layout: ${parsed.message}`, 'spec');
  return store.change(actor, 'register.layoutSaved', async (tx, at) => {
    const saved = await tx.register.saveLayout({ issuer, name, format: parsed.spec.format, spec: parsed.spec, savedAt: at, savedBy: actor.id });
    return { payload: { issuer, name, version: saved.version, after: parsed.spec }, result: toView(saved) };
  });
}

/** The layout an import names: a saved one of the program's issuer, or the contract's default. */
export async function resolveLayout(store: BookStore, programId: number, name: string | null): Promise<{ name: string; spec: LayoutSpec }> {
  if (name === null) return { name: DEFAULT_LAYOUT_NAME, spec: DEFAULT_LAYOUT };
  return store.read(async (r) => {
    const program = await r.programs.byId(programId);
    if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
    const saved = await r.register.layout(program.issuer, name);
    if (!saved) throw new DeskFailure('NOT_FOUND', `There is no layout named "${name}" saved for ${program.issuer}`, 'layout');
    const parsed = parseLayout(saved.spec);
    if (!parsed.ok) throw new DeskFailure('CONFLICT', `The saved layout "${name}" no longer reads: ${parsed.message}`, 'layout');
    return { name: `${saved.name} (version ${saved.version})`, spec: parsed.spec };
  });
}
