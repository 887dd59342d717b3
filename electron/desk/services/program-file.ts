/**
 * A program from a file (shared/contracts/REGISTER.md, "A program from a file"): the
 * `offering-desk/program@1` document — the program's name, issuer, CUSIP and record date, and
 * `program`, the `program` object of the settle contract (SETTLE.md) for a rights offering or an
 * odd-lot program — read, checked and mapped to the desk's terms. Every problem is named by its
 * JSON path (`program.classes[1].firmRightsPerUnit: expected a decimal string like "0.1", got the
 * number 0.1`), all of them at once, and nothing is written while there is one.
 *
 * What the file does not give takes the desk's defaults: New York time, the NYSE and Federal
 * Reserve calendars together, no guaranteed delivery; a class is stage 1, not transferable, and
 * printed on WHITE paper unless the file says otherwise. Without `expiresAt`, a rights offering
 * expires by the agreement's recitals: 5:00 p.m. on the first business day after the 29th day
 * after the certificates are issued (`certificatesIssuedOn`).
 */
import { z } from 'zod';
import {
  CALENDAR_NAMES,
  currentTerms,
  formatPath,
  originalTerms,
  guaranteedDeliverySchema,
  oddLotTermsSchema,
  rightsOfferingTermsSchema,
  type ProgramTerms,
} from '../../../shared/domain';
import { cusipCheckDigit } from '../../../shared/domain/cusip';
import { bool, decimal, expected, isoDate, list, obj, oneOf, shares, show, timeZone, wallTime, wholeNumber } from '../../../shared/domain/fields';
import { NEW_YORK } from '../../../shared/domain/time';
import { termsRecordProblems } from '../../../shared/ipc/terms-record';
import type { ProgramKind } from '../../../shared/ipc/schemas';
import { DeskFailure } from '../../../shared/ipc/result';
import type { ProgramSummary, TermsVersionView } from '../../../shared/ipc/types';
import { COMMAND_LINE_NAME, UniqueViolation, type BookStore, type JournalActor } from '../store/port';
import { deriveDates } from './terms';
import { toProgramSummary } from './views';

export const PROGRAM_FILE_FORMAT = 'offering-desk/program@1';

/** The desk's defaults for what a program file leaves out. */
export const PROGRAM_FILE_DEFAULTS = { timeZone: NEW_YORK, businessDays: 'NYSE+FED', guaranteedDelivery: { allowed: false }, colour: 'WHITE' } as const;

export interface ProgramFileProblem {
  /** The JSON path in the file, e.g. `program.classes[1].code` ('' for the document itself). */
  readonly path: string;
  readonly message: string;
}

/** A checked program file: the program to create and its terms, version 1. */
export interface ProgramFromFile {
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string;
  readonly terms: ProgramTerms;
}

export type ProgramFileParse = { readonly ok: true; readonly file: ProgramFromFile } | { readonly ok: false; readonly problems: readonly ProgramFileProblem[] };

const text = (what: string, max: number) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `blank; expected ${what}` })
    .max(max, { error: `at most ${max} characters` });

const documentSchema = obj({
  format: z.literal(PROGRAM_FILE_FORMAT, { error: (iss) => `expected "${PROGRAM_FILE_FORMAT}", got ${show(iss.input)}` }),
  name: text('the program\'s name, like "XO Communications 2003 rights offering"', 120),
  issuer: text('the issuer\'s name, like "XO Communications, Inc."', 120),
  cusip: z
    .string({ error: expected('a CUSIP like "983764176"') })
    .regex(/^[0-9A-Z*@#]{9}$/, { error: (iss) => `expected a CUSIP like "983764176" (9 characters: digits, capital letters, *, @ or #), got ${show(iss.input)}` }),
  recordDate: isoDate(),
  certificatesIssuedOn: isoDate().optional(),
  program: z.unknown(),
});

const classFields = rightsOfferingTermsSchema.shape.classes.element.shape;

/** A class as the settle contract gives it, with the desk's own fields optional. */
const fileClassSchema = obj({
  code: classFields.code,
  firmRightsPerUnit: classFields.firmRightsPerUnit,
  oversubscription: classFields.oversubscription,
  stage: z.union([z.literal(1), z.literal(2)], { error: expected('1 or 2') }).optional(),
  colour: classFields.colour.optional(),
  description: classFields.description,
  transferable: bool().optional(),
  unitsDecimals: classFields.unitsDecimals,
});

const businessDays = oneOf(CALENDAR_NAMES as unknown as readonly [string, ...string[]]);

const rightsProgramSchema = obj({
  kind: z.literal('rights-offering'),
  timeZone: timeZone().optional(),
  expiresAt: wallTime().optional(),
  subscriptionPrice: decimal({ example: '5.00', maxScale: 6, positive: true, maxIntegerDigits: 6 }),
  maxShares: shares(),
  oversubscription: obj({ basis: oneOf(['requested', 'basic']), requireFullBasic: bool() }),
  classes: list(fileClassSchema).min(1, { error: 'at least one class of rights is needed' }),
  businessDays: businessDays.optional(),
  guaranteedDelivery: guaranteedDeliverySchema.optional(),
});

const oddLotProgramSchema = obj({
  kind: z.literal('odd-lot'),
  timeZone: timeZone().optional(),
  expiresAt: wallTime(),
  processingFeePerShare: decimal({ example: '0.65', maxScale: 6 }),
  roundLot: wholeNumber('a whole number of shares like 100', { min: 2 }),
  backupWithholdingRate: decimal({ example: '0.24', maxScale: 6, max: '1' }),
  businessDays: businessDays.optional(),
  excludedJurisdictions: oddLotTermsSchema.shape.excludedJurisdictions.optional(),
  planSharesExcluded: bool().optional(),
  settlementBusinessDays: wholeNumber('a number of business days like 5').optional(),
});

/** zod's issues as problems named by JSON path under `prefix`; an unknown field is named itself. */
function problemsOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): ProgramFileProblem[] {
  return error.issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: formatPath([...at, key]), message: 'unknown field' }));
    return [{ path: formatPath(at), message: issue.message }];
  });
}

/** Where a field of the desk's terms came from in the file. */
function filePathOf(termsPath: readonly PropertyKey[]): readonly PropertyKey[] {
  const [head, ...rest] = termsPath;
  if (head === 'certificateIssueDate') return ['certificatesIssuedOn'];
  if (head === 'recordDate') return ['recordDate'];
  if (head === 'expiration') return ['program', 'expiresAt'];
  return ['program', ...(head === undefined ? [] : [head]), ...rest];
}

type Doc = z.output<typeof documentSchema>;
type RightsFile = z.output<typeof rightsProgramSchema>;
type OddLotFile = z.output<typeof oddLotProgramSchema>;

function rightsTerms(doc: Doc, p: RightsFile): Record<string, unknown> {
  return {
    kind: 'rights-offering',
    timeZone: p.timeZone ?? PROGRAM_FILE_DEFAULTS.timeZone,
    businessDays: p.businessDays ?? PROGRAM_FILE_DEFAULTS.businessDays,
    subscriptionPrice: p.subscriptionPrice,
    maxShares: p.maxShares,
    recordDate: doc.recordDate,
    certificateIssueDate: doc.certificatesIssuedOn,
    expiration: p.expiresAt === undefined ? { basis: 'derived' } : { basis: 'entered', at: p.expiresAt },
    guaranteedDelivery: p.guaranteedDelivery ?? PROGRAM_FILE_DEFAULTS.guaranteedDelivery,
    oversubscription: p.oversubscription,
    classes: p.classes.map((c) => ({
      code: c.code,
      colour: c.colour ?? PROGRAM_FILE_DEFAULTS.colour,
      ...(c.description === undefined ? {} : { description: c.description }),
      firmRightsPerUnit: c.firmRightsPerUnit,
      oversubscription: c.oversubscription,
      transferable: c.transferable ?? false,
      stage: c.stage ?? 1,
      ...(c.unitsDecimals === undefined ? {} : { unitsDecimals: c.unitsDecimals }),
    })),
  };
}

function oddLotTerms(doc: Doc, p: OddLotFile): Record<string, unknown> {
  return {
    kind: 'odd-lot',
    timeZone: p.timeZone ?? PROGRAM_FILE_DEFAULTS.timeZone,
    businessDays: p.businessDays ?? PROGRAM_FILE_DEFAULTS.businessDays,
    processingFeePerShare: p.processingFeePerShare,
    roundLot: p.roundLot,
    recordDate: doc.recordDate,
    expiresAt: p.expiresAt,
    // The notice: shares in an employee benefit plan are not eligible; no jurisdiction excluded unless the file says.
    excludedJurisdictions: p.excludedJurisdictions ?? [],
    planSharesExcluded: p.planSharesExcluded ?? true,
    backupWithholdingRate: p.backupWithholdingRate,
    settlementBusinessDays: p.settlementBusinessDays ?? 5,
  };
}

/** The `program` object checked by its kind and mapped to the desk's terms (unchecked yet), or its problems. */
function programTerms(doc: Doc): { terms: Record<string, unknown> } | { problems: ProgramFileProblem[] } {
  const p = doc.program;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return { problems: [{ path: 'program', message: p === undefined ? 'missing; expected an object' : `expected an object, got ${show(p)}` }] };
  const kind = (p as { kind?: unknown }).kind;
  const problems: ProgramFileProblem[] = [];
  if (kind === 'rights-offering') {
    const r = rightsProgramSchema.safeParse(p);
    if (!r.success) return { problems: problemsOf(r.error, ['program']) };
    if (doc.certificatesIssuedOn === undefined) problems.push({ path: 'certificatesIssuedOn', message: 'missing; a rights offering needs the date its certificates are issued, like "2003-11-07" (its deadlines count from it)' });
    return problems.length > 0 ? { problems } : { terms: rightsTerms(doc, r.data) };
  }
  if (kind === 'odd-lot') {
    const r = oddLotProgramSchema.safeParse(p);
    if (!r.success) return { problems: problemsOf(r.error, ['program']) };
    if (doc.certificatesIssuedOn !== undefined) problems.push({ path: 'certificatesIssuedOn', message: 'an odd-lot program issues no rights certificates; leave it out' });
    return problems.length > 0 ? { problems } : { terms: oddLotTerms(doc, r.data) };
  }
  return { problems: [{ path: 'program.kind', message: kind === undefined ? 'missing; expected "rights-offering" or "odd-lot"' : `expected "rights-offering" or "odd-lot", got ${show(kind)}` }] };
}

/** The desk's own checks of terms, as recordTerms makes them, named by where they came from in the file. */
function termsProblems(terms: ProgramTerms): ProgramFileProblem[] {
  const found = termsRecordProblems(terms).map((p) => ({ path: formatPath(filePathOf(p.path.split('.'))), message: p.message }));
  try {
    deriveDates(terms);
  } catch (error) {
    if (!(error instanceof DeskFailure)) throw error;
    found.push({ path: formatPath(filePathOf((error.field ?? '').replace(/^terms\./, '').split('.'))), message: error.message });
  }
  if (terms.kind === 'rights-offering' && found.length === 0) {
    const expires = deriveDates(terms).expiresAt;
    if (expires.slice(0, 10) < terms.certificateIssueDate) found.push({ path: 'program.expiresAt', message: `${expires} is before the certificates are issued (${terms.certificateIssueDate})` });
  }
  return found;
}

/** A well-formed CUSIP whose last digit is not its check digit, named with the digit it should be. */
function cusipProblems(cusip: unknown): ProgramFileProblem[] {
  if (typeof cusip !== 'string' || !/^[0-9A-Z*@#]{8}[0-9]$/.test(cusip)) return [];
  const digit = cusipCheckDigit(cusip.slice(0, 8));
  return digit === cusip.charAt(8) ? [] : [{ path: 'cusip', message: `the check digit of ${cusip} is wrong: after ${cusip.slice(0, 8)} it should be ${digit}, not ${cusip.charAt(8)}` }];
}

/** Reads a parsed JSON value as a program@1 file. Never throws for bad input. */
export function parseProgramFile(input: unknown): ProgramFileParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: [{ path: '', message: `not a program file: expected a JSON object with "format": "${PROGRAM_FILE_FORMAT}"` }] };
  const parsed = documentSchema.safeParse(input);
  const cusip = cusipProblems((input as { cusip?: unknown }).cusip);
  if (!parsed.success) {
    // The CUSIP's check digit and the program object are checked too, so that one reading names every problem.
    const program = 'program' in input ? programTerms({ program: (input as { program: unknown }).program } as Doc) : null;
    const more = program && 'problems' in program ? program.problems.filter((p) => p.path.startsWith('program')) : [];
    return { ok: false, problems: [...problemsOf(parsed.error), ...cusip, ...more] };
  }
  const doc = parsed.data;
  const problems: ProgramFileProblem[] = [...cusip];
  const mapped = programTerms(doc);
  if ('problems' in mapped) return { ok: false, problems: [...problems, ...mapped.problems] };
  const kind = mapped.terms['kind'] as ProgramKind;
  const checked = (kind === 'rights-offering' ? rightsOfferingTermsSchema : oddLotTermsSchema).safeParse(mapped.terms);
  if (!checked.success) return { ok: false, problems: [...problems, ...checked.error.issues.map((i) => ({ path: formatPath(filePathOf(i.path)), message: i.message }))] };
  problems.push(...termsProblems(checked.data));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file: { kind, name: doc.name, issuer: doc.issuer, cusip: doc.cusip, recordDate: doc.recordDate, terms: checked.data } };
}

/** One line per problem: `path: message`. */
export const formatProgramFileProblem = (p: ProgramFileProblem): string => (p.path === '' ? p.message : `${p.path}: ${p.message}`);

/** Where a program came from, for the journal: the file's name as given and its SHA-256. */
export interface ProgramFileSource {
  readonly fileName: string;
  readonly sha256: string;
}

/**
 * Creates the program and records its terms as version 1 in one change (journaled as
 * `program.created`, with the terms and the file it came from), so a program never exists
 * without its terms. `by` is the signed-in user, or no one (the command line without --by). A CUSIP already in the book is refused in words; nothing is written.
 */
export async function createProgramFromFile(store: BookStore, by: JournalActor, file: ProgramFromFile, source: ProgramFileSource): Promise<{ program: ProgramSummary; terms: TermsVersionView }> {
  const duplicate = (name: string) => new DeskFailure('CONFLICT', `A program with CUSIP ${file.cusip} already exists in this book ("${name}")`, 'cusip');
  const reason = `Original terms, from the program file ${source.fileName}`;
  try {
    return await store.change({ id: by.id, username: by.username }, 'program.created', async (tx, at) => {
      const clash = await tx.programs.byCusip(file.cusip);
      if (clash) throw duplicate(clash.name);
      const program = toProgramSummary(await tx.programs.insert({ kind: file.kind, name: file.name, issuer: file.issuer, cusip: file.cusip, recordDate: file.recordDate, createdAt: at, createdBy: by.id }));
      const v1 = currentTerms(originalTerms(file.terms, { reason, at, by: by.username ?? COMMAND_LINE_NAME }));
      const stored = await tx.terms.insert({ programId: program.id, version: v1.version, reason: v1.reason, recordedAt: at, recordedBy: by.id, terms: v1.terms });
      const terms: TermsVersionView = { programId: program.id, version: stored.version, reason: stored.reason, recordedAt: stored.recordedAt, recordedBy: stored.recordedBy, terms: v1.terms, derived: deriveDates(v1.terms) };
      return { payload: { after: program, terms: { version: v1.version, reason: v1.reason, after: v1.terms }, file: source }, result: { program, terms } };
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw new DeskFailure('CONFLICT', `A program with CUSIP ${file.cusip} was just created by another desk`, 'cusip');
    throw error;
  }
}
