/**
 * The facts a letter is written from, read from the book: the program and its terms, the
 * record-date register entry of the item's certificate or order (registration and address as
 * on it, the TIN masked), how the item is described to its holder, and its money as the engine
 * sees it now. Shared by one letter and bulk runs, so that both say exactly the same.
 */
import { instantToWallTime, type RightsOfferingTerms } from '../../../../shared/domain';
import { costCents, sharePrice } from '../../../../shared/domain/price';
import { formatCents } from '../../../../shared/domain/money';
import type { CertificateRecord, ProgramRecord, ReadRepos, RegisterEntryRecord } from '../../store/port';
import { addressLines, printContext, type PrintContext } from '../certificate-faces';
import { dateInWords, shares, wallInWords } from '../intake/print-words';
import { maskTin } from '../register-view-model';
import type { ProgramItem } from '../supervision/program-items';
import type { ForeignFacts, ItemFacts, LetterParty } from './letter-texts';

/** The program as its letters need it: rights programs carry their terms and each class's expiration in words. */
export interface LetterProgram {
  readonly program: ProgramRecord;
  readonly rights: PrintContext | null;
  /** The letters' date in words, New York calendar. */
  readonly date: string;
}

export async function letterProgram(r: ReadRepos, programId: number, now: Date): Promise<LetterProgram> {
  const program = await r.programs.byId(programId);
  if (!program) throw new Error(`program ${programId} does not exist`);
  const rights = program.kind === 'rights-offering' ? await printContext(r, programId) : null;
  const timeZone = rights?.terms.timeZone;
  return { program, rights, date: dateInWords(instantToWallTime(now.getTime(), timeZone).slice(0, 10)) };
}

/** Register entries by id, read in one go. */
export async function entriesOf(r: ReadRepos, ids: readonly number[]): Promise<ReadonlyMap<number, RegisterEntryRecord>> {
  const unique = [...new Set(ids)];
  const out = new Map<number, RegisterEntryRecord>();
  for (let i = 0; i < unique.length; i += 1_000) for (const e of await r.register.entriesByIds(unique.slice(i, i + 1_000))) out.set(e.id, e);
  return out;
}

const tinLine = (e: RegisterEntryRecord): string => (e.tinType === 'NONE' || e.tinLast4 === null ? 'No TIN on file' : `TIN ${maskTin(e.tinType, e.tinLast4)}`);

function classWords(terms: RightsOfferingTerms | undefined, code: string): string {
  const cls = terms?.classes.find((c) => c.code === code);
  if (!cls) return `Class ${code}`;
  return `${cls.transferable ? 'Transferable rights' : `Class ${code} rights`} (${cls.colour})`;
}

function party(p: LetterProgram, entry: RegisterEntryRecord, attention: string | null, reference: readonly string[]): LetterParty {
  const registration = entry.registration.filter((l) => l !== '');
  return {
    issuer: p.program.issuer,
    programName: p.program.name,
    date: p.date,
    addressee: [...registration, ...(attention ? [attention] : []), ...addressLines(entry)],
    reference: [...reference, tinLine(entry)],
  };
}

/** How the item is described to its holder. */
function itemWords(item: ProgramItem): { ref: string; words: string; attention: string | null } {
  const received = wallInWords(item.envelope.stampedLocal);
  if (item.order) {
    const what = item.order.action === 'sell' ? `to sell all ${shares(item.order.shares)} of your shares` : `to buy ${shares(item.order.shares)} shares, bringing your holding to a round lot`;
    return { ref: `Odd-lot order ${item.order.id}`, words: `your odd-lot order ${what}, received ${received}`, attention: null };
  }
  const e = item.election!;
  const number = item.certificate?.number ?? '';
  if (e.kind === 'dtc') {
    const participant = `DTC participant ${e.participantNumber ?? ''} ${e.participantName ?? ''}`.trim();
    return { ref: `Election ${e.id}`, words: `your DTC instruction ${e.voiNumber ?? ''} on certificate ${number}, received ${received}`.replace('  ', ' '), attention: `Attention: ${participant}` };
  }
  return { ref: `Election ${e.id}`, words: `your election form on certificate ${number}, received ${received}`, attention: null };
}

/** The register entry an item's holder is on: its certificate's, or its order's. */
export const entryIdOf = (item: ProgramItem): number => item.order?.entryId ?? item.certificate!.entryId;

/** The facts of an item's letters. */
export function itemFacts(p: LetterProgram, item: ProgramItem, entry: RegisterEntryRecord): ItemFacts {
  const { ref, words, attention } = itemWords(item);
  const c = item.certificate;
  const reference = c ? [`Certificate ${c.number}`, classWords(p.rights?.terms, c.class), ref] : [`Account ${entry.account}`, ref];
  const v = item.verdict;
  return {
    ...party(p, entry, attention, reference),
    itemRef: ref,
    itemWords: words,
    certificateNumber: c?.number ?? null,
    money: { due: v?.due ?? '0.00', pending: v?.pendingFunds ?? '0.00', returned: v?.returnedFunds ?? '0.00' },
    expiresInWords: c ? (p.rights?.classes.get(c.class)?.expiresInWords ?? null) : null,
  };
}

/** The facts of a held certificate's foreign-holder letter (§9). */
export function foreignFacts(p: LetterProgram, certificate: CertificateRecord, entry: RegisterEntryRecord): ForeignFacts {
  const rights = p.rights!;
  const price = rights.terms.subscriptionPrice;
  return {
    ...party(p, entry, null, [`Certificate ${certificate.number}`, classWords(rights.terms, certificate.class), 'Held for you (§9)']),
    certificateNumber: certificate.number,
    className: classWords(rights.terms, certificate.class),
    rights: certificate.firmRights,
    price,
    fullPrice: formatCents(costCents(certificate.firmRights, sharePrice(price))),
    expiresInWords: rights.classes.get(certificate.class)?.expiresInWords ?? '',
  };
}
