/**
 * What each printed certificate says, from the book: the program (issuer, CUSIP), its current
 * terms (the class's colour, firm rights per unit, transferability, price, expiration) and the
 * certificate's register entry (registration and address — never the TIN).
 */
import type { RightsClassTerms, RightsOfferingTerms } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import type { CertificateFace } from '../pdf/certificate-doc';
import type { CertificateRecord, CertificateSelection, ProgramRecord, ReadRepos, RegisterEntryRecord } from '../store/port';
import { rightsProgram } from './certificates';
import { deriveDates } from './terms';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** "2003-12-08T17:00" → "December 8, 2003" and "5:00 p.m.". */
function wallWords(wall: string): { date: string; time: string } {
  const [y, m, d] = wall.slice(0, 10).split('-').map((p) => Number.parseInt(p, 10)) as [number, number, number];
  const [hh, mm] = wall.slice(11, 16).split(':') as [string, string];
  const hour = Number.parseInt(hh, 10);
  const time = `${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
  return { date: `${MONTHS[m - 1] ?? ''} ${d}, ${y}`, time };
}

const zoneWords = (timeZone: string): string => (timeZone === 'America/New_York' ? 'New York City time' : `${timeZone} time`);

interface ClassPrint {
  readonly terms: RightsClassTerms;
  readonly voidAfter: string;
  readonly expiresInWords: string;
}

export interface PrintContext {
  readonly program: ProgramRecord;
  readonly terms: RightsOfferingTerms;
  readonly classes: ReadonlyMap<string, ClassPrint>;
}

/** The program, its terms and each class's expiration in words; refused before certificates exist. */
export async function printContext(r: ReadRepos, programId: number): Promise<PrintContext> {
  const { program, terms } = await rightsProgram(r, programId);
  if (!(await r.certificates.issueOf(programId))) throw new DeskFailure('CONFLICT', `No certificates have been issued for ${program.name} yet: issue them first`, 'programId');
  const dates = deriveDates(terms);
  const classes = new Map<string, ClassPrint>();
  for (const c of terms.classes) {
    // Transferable rights may expire on a date of their own (the recitals).
    const wall = c.transferable && dates.transferableExpiresAt ? dates.transferableExpiresAt : dates.expiresAt;
    const w = wallWords(wall);
    classes.set(c.code, { terms: c, voidAfter: w.date.toUpperCase(), expiresInWords: `${w.time}, ${zoneWords(terms.timeZone)}, on ${w.date}` });
  }
  return { program, terms, classes };
}

/** The address as the envelope shows it: street lines, then city, state and ZIP (US) or the country's name. */
export function addressLines(e: RegisterEntryRecord): string[] {
  const place = [e.city, e.state].filter((p) => p !== '').join(', ');
  if (e.country === 'US') return [e.address1, e.address2, `${place} ${e.postalCode}`.trim()].filter((l) => l !== '');
  return [e.address1, e.address2, `${place} ${e.postalCode}`.trim(), (REGIONS.of(e.country) ?? e.country).toUpperCase()].filter((l) => l !== '');
}

/** One certificate's face; `duplicate` marks a reprint. */
export function faceOf(ctx: PrintContext, c: CertificateRecord, e: RegisterEntryRecord, duplicate: { reprintedOn: string } | null = null): CertificateFace {
  const cls = ctx.classes.get(c.class);
  if (!cls) throw new DeskFailure('CONFLICT', `Certificate ${c.number} is of class "${c.class}", which the program's current terms do not have`, 'class');
  const rate = cls.terms.firmRightsPerUnit;
  const oversubscriptionOnly = /^0+(\.0+)?$/.test(rate);
  // Class B (rights per unit other than 1): the underlying shares, rounded down (§1b), printed under the firm rights.
  const underlying = !oversubscriptionOnly && !/^0*1(\.0+)?$/.test(rate) ? (c.units.split('.')[0] ?? '0') : null;
  return {
    number: c.number,
    classCode: c.class,
    colour: cls.terms.colour,
    transferable: cls.terms.transferable,
    firmRights: c.firmRights,
    oversubscriptionOnly,
    underlyingShares: underlying,
    issuer: ctx.program.issuer,
    cusip: ctx.program.cusip,
    registration: e.registration,
    address: addressLines(e),
    voidAfter: cls.voidAfter,
    expiresInWords: cls.expiresInWords,
    price: ctx.terms.subscriptionPrice,
    held: c.held,
    duplicate,
  };
}

/** Certificates with their register entries, `limit` after sequence number `afterSeq`, in number order. */
export async function certificatesWithEntries(r: ReadRepos, programId: number, selection: CertificateSelection, afterSeq: number, limit: number): Promise<{ certificate: CertificateRecord; entry: RegisterEntryRecord }[]> {
  const certificates = await r.certificates.list(programId, selection, afterSeq, limit);
  const entries = new Map((await r.register.entriesByIds(certificates.map((c) => c.entryId))).map((e) => [e.id, e]));
  return certificates.map((certificate) => {
    const entry = entries.get(certificate.entryId);
    if (!entry) throw new Error(`Certificate ${certificate.number} names register entry ${certificate.entryId}, which the book does not have`);
    return { certificate, entry };
  });
}
