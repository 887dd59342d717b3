/**
 * Which letters to print, in words, read in one snapshot: one letter for one item (refused, in
 * words, when the item's standing does not call for it), or a bulk run — every cure letter not
 * yet printed for its allow-cure decision, every rejection letter not yet printed for its
 * rejection, every foreign-holder letter not yet printed for its held certificate.
 */
import { inCatalogOrder, isDeficiencyCode, type DeficiencyCode } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { LetterContent } from '../../pdf/letter-doc';
import type { CertificateRecord, ReadRepos, RegisterEntryRecord, SupervisionRecord } from '../../store/port';
import { itemKey, readProgramItems, type ItemRef, type ProgramItem, type ProgramItems } from '../supervision/program-items';
import { entriesOf, entryIdOf, foreignFacts, itemFacts, letterProgram, type LetterProgram } from './letter-facts';
import { cureLetter, deficiencyLetter, foreignHolderLetter, rejectionLetter } from './letter-texts';

export type LetterKind = 'deficiency' | 'cure' | 'rejection' | 'foreign-holder';
export type ItemLetterKind = Exclude<LetterKind, 'foreign-holder'>;
export type BulkLetterKind = Exclude<LetterKind, 'deficiency'>;

/** A letter ready to print, and the `letters` row it makes once printed. */
export interface PreparedLetter {
  readonly kind: LetterKind;
  readonly electionId: number | null;
  readonly oddLotOrderId: number | null;
  readonly certificateId: number | null;
  readonly decisionId: number | null;
  readonly content: LetterContent;
}

export interface LetterRun {
  readonly programId: number;
  readonly cusip: string;
  readonly letters: readonly PreparedLetter[];
}

type Decision = SupervisionRecord<'decisions'>;

const latestOf = (item: ProgramItem, kind: string): Decision | undefined => [...item.decisions].reverse().find((d) => d.kind === kind);
const codesIn = (d: Decision): DeficiencyCode[] => inCatalogOrder(Array.isArray(d.codes) ? d.codes.filter(isDeficiencyCode) : []);
const refOf = (item: ProgramItem) => ({ electionId: item.election?.id ?? null, oddLotOrderId: item.order?.id ?? null, certificateId: null });
const itemName = (ref: ItemRef): string => (ref.kind === 'election' ? `Election ${ref.id}` : `Odd-lot order ${ref.id}`);

/** The refunds the program's rejections scheduled, by decision. */
async function refundsOf(r: ReadRepos, programId: number): Promise<ReadonlyMap<number, string>> {
  return new Map((await r.supervision.ofProgram('scheduled_refunds', programId)).map((f) => [f.decisionId, f.amount]));
}

/** Refuses, in words, what the item's standing does not call for. */
function checkCalledFor(item: ProgramItem, letter: ItemLetterKind): Decision | null {
  const name = itemName(item.ref);
  const status = item.standing.status;
  if (status === 'withdrawn') throw new DeskFailure('CONFLICT', `${name} was corrected or withdrawn: print the letter for the election that replaced it`, 'item');
  if (letter === 'rejection') {
    const reject = latestOf(item, 'reject');
    if (!reject || status !== 'rejected') throw new DeskFailure('CONFLICT', `${name} has not been rejected: there is no rejection letter to print`, 'letter');
    return reject;
  }
  if (status === 'rejected') throw new DeskFailure('CONFLICT', `${name} was rejected: print its rejection letter instead`, 'letter');
  if (item.standing.open.length === 0) throw new DeskFailure('CONFLICT', `${name} has no open deficiency (it is ${status}): there is nothing to ask the holder for`, 'letter');
  const cure = item.standing.cureBy === null ? undefined : latestOf(item, 'allow-cure');
  if (letter === 'cure') {
    if (!cure) throw new DeskFailure('CONFLICT', `${name}: no cure has been allowed for its open deficiencies; print a deficiency letter, or allow a cure by a date first`, 'letter');
    return cure;
  }
  if (cure) throw new DeskFailure('CONFLICT', `${name}: a cure was allowed until ${cure.cureBy ?? ''}; print its cure letter, which names that date`, 'letter');
  return null;
}

function itemLetter(p: LetterProgram, item: ProgramItem, letter: ItemLetterKind, decision: Decision | null, entry: RegisterEntryRecord, refunds: ReadonlyMap<number, string>): PreparedLetter {
  const facts = itemFacts(p, item, entry);
  const base = { ...refOf(item), decisionId: decision?.id ?? null };
  if (letter === 'deficiency') return { ...base, kind: letter, content: deficiencyLetter(facts, item.standing.open) };
  if (letter === 'cure') return { ...base, kind: letter, content: cureLetter(facts, item.standing.open, codesIn(decision!), decision!.cureBy!) };
  const codes = codesIn(decision!);
  return { ...base, kind: letter, content: rejectionLetter(facts, { reason: decision!.reason, codes: codes.length > 0 ? codes : item.standing.open, refund: refunds.get(decision!.id) ?? null }) };
}

/** One item's letter, as things stand at `now`. */
export async function oneLetter(r: ReadRepos, programId: number, ref: ItemRef, letter: ItemLetterKind, now: Date, given?: ProgramItems): Promise<LetterRun> {
  const p = await letterProgram(r, programId, now);
  const { byKey } = given ?? (await readProgramItems(r, programId, now));
  const item = byKey.get(itemKey(ref));
  if (!item) throw new DeskFailure('NOT_FOUND', `Item: ${itemName(ref).toLowerCase()} is not in ${p.program.name}`, 'item');
  const decision = checkCalledFor(item, letter);
  const entry = (await entriesOf(r, [entryIdOf(item)])).get(entryIdOf(item));
  if (!entry) throw new Error(`${itemName(ref)} names a register entry the book does not have`);
  return { programId, cusip: p.program.cusip, letters: [itemLetter(p, item, letter, decision, entry, await refundsOf(r, programId))] };
}

/** The decisions that already have their letter of this kind. */
async function printedFor(r: ReadRepos, programId: number, kind: LetterKind): Promise<{ decisions: Set<number>; certificates: Set<number> }> {
  const rows = (await r.supervision.ofProgram('letters', programId)).filter((l) => l.kind === kind);
  return { decisions: new Set(rows.flatMap((l) => (l.decisionId === null ? [] : [l.decisionId]))), certificates: new Set(rows.flatMap((l) => (l.certificateId === null ? [] : [l.certificateId]))) };
}

async function heldCertificates(r: ReadRepos, programId: number): Promise<CertificateRecord[]> {
  const out: CertificateRecord[] = [];
  for (let after = 0; ; ) {
    const page = await r.certificates.list(programId, { heldOnly: true }, after, 1_000);
    out.push(...page);
    if (page.length < 1_000) return out;
    after = page.at(-1)!.seq;
  }
}

async function bulkForeign(r: ReadRepos, p: LetterProgram): Promise<PreparedLetter[]> {
  if (!p.rights) throw new DeskFailure('CONFLICT', `${p.program.name} is an odd-lot program: it holds no certificates for foreign holders`, 'programId');
  const printed = await printedFor(r, p.program.id, 'foreign-holder');
  const due = (await heldCertificates(r, p.program.id)).filter((c) => !printed.certificates.has(c.id));
  const entries = await entriesOf(r, due.map((c) => c.entryId));
  return due.map((c) => ({ kind: 'foreign-holder', electionId: null, oddLotOrderId: null, certificateId: c.id, decisionId: null, content: foreignHolderLetter(foreignFacts(p, c, entries.get(c.entryId)!)) }));
}

/** The items whose letter of `bulk` is still owed, each with the decision the letter tells of. */
function dueItems(items: readonly ProgramItem[], bulk: 'cure' | 'rejection', printed: ReadonlySet<number>): { item: ProgramItem; decision: Decision }[] {
  const wanted = bulk === 'cure' ? 'awaiting-cure' : 'rejected';
  const out: { item: ProgramItem; decision: Decision }[] = [];
  for (const item of items) {
    if (item.standing.status !== wanted) continue;
    const decision = latestOf(item, bulk === 'cure' ? 'allow-cure' : 'reject');
    if (decision && !printed.has(decision.id)) out.push({ item, decision });
  }
  return out;
}

/** Every letter of the kind the program still owes, in item order. */
export async function bulkLetters(r: ReadRepos, programId: number, bulk: BulkLetterKind, now: Date, given?: ProgramItems): Promise<LetterRun> {
  const p = await letterProgram(r, programId, now);
  if (bulk === 'foreign-holder') return { programId, cusip: p.program.cusip, letters: await bulkForeign(r, p) };
  const printed = await printedFor(r, programId, bulk);
  const due = dueItems((given ?? (await readProgramItems(r, programId, now))).items, bulk, printed.decisions);
  const [entries, refunds] = await Promise.all([entriesOf(r, due.map(({ item }) => entryIdOf(item))), refundsOf(r, programId)]);
  return { programId, cusip: p.program.cusip, letters: due.map(({ item, decision }) => itemLetter(p, item, bulk, decision, entries.get(entryIdOf(item))!, refunds)) };
}

/** How many letters of each bulk kind the program still owes. */
export async function lettersDue(r: ReadRepos, programId: number, now: Date, given?: ProgramItems): Promise<{ cure: number; rejection: number; foreignHolder: number }> {
  const program = await r.programs.byId(programId);
  if (!program) throw new DeskFailure('NOT_FOUND', `Program: there is no program ${programId} in this book`, 'programId');
  const letters = await r.supervision.ofProgram('letters', programId);
  const printed = (kind: LetterKind) => new Set(letters.filter((l) => l.kind === kind).flatMap((l) => (l.decisionId === null ? [] : [l.decisionId])));
  const { items } = given ?? (await readProgramItems(r, programId, now));
  const foreignPrinted = new Set(letters.filter((l) => l.kind === 'foreign-holder').map((l) => l.certificateId));
  const held = program.kind === 'rights-offering' ? (await heldCertificates(r, programId)).filter((c) => !foreignPrinted.has(c.id)).length : 0;
  return { cure: dueItems(items, 'cure', printed('cure')).length, rejection: dueItems(items, 'rejection', printed('rejection')).length, foreignHolder: held };
}
