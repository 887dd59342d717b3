/**
 * Issuance (§1b, §9): one certificate per record-date register entry — that is, per (holder,
 * class) — numbered RT-000001… in one sequence per program, firm rights rounded down, and those
 * for an address outside the United States held by the agent, not mailed. One change, one
 * journal entry ('certificates.issued') with the counts and totals per class; a second issue is
 * refused.
 *
 * Numbers follow the register as imported (its id order: the issuer's list, line by line, import
 * after import), the one order both stores read alike and that streams a million rows by key.
 */
import { currentTerms, Dec, FirmRightsRate, type RightsClassTerms, type RightsOfferingTerms } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore, CertificateIssueRecord, ClassTotals, JobProgress, JournalActor, NewCertificate, ProgramRecord, ReadRepos, RegisterEntryRecord, WriteRepos } from '../store/port';

/** Entries read (and certificates written) per step: bounded memory whatever the register's size. */
const PAGE = 5_000;

export const certificateNumber = (seq: number): string => `RT-${String(seq).padStart(6, '0')}`;

/** §9: no certificate is mailed to an address outside the United States. */
export const isHeld = (country: string): boolean => country !== 'US';

export interface IssueSummary {
  readonly programId: number;
  readonly issuedAt: string;
  readonly certificates: number;
  readonly held: number;
  readonly firstNumber: string;
  readonly lastNumber: string;
  /** Per class code, in the terms' order. */
  readonly classes: Readonly<Record<string, ClassTotals>>;
}

const noProgram = () => new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');

/** The program and its current rights-offering terms, or a refusal in words. */
export async function rightsProgram(r: ReadRepos, programId: number): Promise<{ program: ProgramRecord; terms: RightsOfferingTerms; version: number }> {
  const program = await r.programs.byId(programId);
  if (!program) throw noProgram();
  if (program.kind === 'odd-lot') {
    throw new DeskFailure('CONFLICT', `${program.name} is an odd-lot program: it has no rights certificates (holders answer the notice with an order form)`, 'programId');
  }
  const history = await r.terms.history(programId);
  if (history.length === 0) throw new DeskFailure('CONFLICT', `${program.name} has no terms recorded yet: record its terms (classes, colours, firm rights per unit) before issuing certificates`, 'programId');
  const latest = currentTerms({ versions: history.map((v) => ({ version: v.version, reason: v.reason, recordedAt: v.recordedAt, recordedBy: v.recordedBy, terms: v.terms as RightsOfferingTerms })) });
  return { program, terms: latest.terms, version: latest.version };
}

interface Tally {
  certificates: number;
  held: number;
  units: Dec;
  firmRights: number;
}

/** How a long issue is followed and stopped (a job's worker passes its own). */
export interface IssueControl {
  readonly signal?: AbortSignal | undefined;
  /** Called once per page of the register, in each of the two passes. */
  readonly onProgress?: ((progress: JobProgress) => void) | undefined;
}

const cancelled = () => new DeskFailure('CANCELLED', 'The issue was cancelled; no certificate was issued and the book was not changed.');

/**
 * Streams the register in id order, `PAGE` entries at a time. Before each page it looks at the
 * cancel signal; a cancel throws out of the change, which then rolls back whole.
 */
async function* registerPages(r: ReadRepos, programId: number, signal: AbortSignal | undefined): AsyncGenerator<RegisterEntryRecord[]> {
  let after = 0;
  for (;;) {
    if (signal?.aborted === true) throw cancelled();
    const page = await r.register.entriesAfter(programId, after, PAGE);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.id ?? after;
  }
}

function classOf(byCode: ReadonlyMap<string, { terms: RightsClassTerms; rate: FirmRightsRate }>, e: RegisterEntryRecord) {
  const found = byCode.get(e.class);
  if (!found) {
    throw new DeskFailure('CONFLICT', `Register line ${e.line} (account ${e.account}) is of class "${e.class}", which the program's current terms do not have (${[...byCode.keys()].join(', ')}); no certificates were issued`, 'programId');
  }
  return found;
}

/** First pass: every entry's class known, totals per class (the issue record is written before its certificates). */
async function tallyRegister(tx: WriteRepos, programId: number, byCode: ReadonlyMap<string, { terms: RightsClassTerms; rate: FirmRightsRate }>, control: IssueControl & { total: number }): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>([...byCode.keys()].map((code) => [code, { certificates: 0, held: 0, units: new Dec(0), firmRights: 0 }]));
  let done = 0;
  for await (const page of registerPages(tx, programId, control.signal)) {
    done += page.length;
    control.onProgress?.({ done, total: control.total, unit: 'register entries checked' });
    for (const e of page) {
      const { rate } = classOf(byCode, e);
      const t = tallies.get(e.class) as Tally;
      t.certificates += 1;
      if (isHeld(e.country)) t.held += 1;
      t.units = t.units.plus(e.units);
      t.firmRights += rate.of(e.units);
    }
  }
  return tallies;
}

const totalsOf = (tallies: ReadonlyMap<string, Tally>): Record<string, ClassTotals> =>
  Object.fromEntries([...tallies].map(([code, t]) => [code, { certificates: t.certificates, held: t.held, units: t.units.toString(), firmRights: t.firmRights }]));

/** An issue's summary as its record in the book keeps it. */
export function summaryOfIssue(issue: CertificateIssueRecord): IssueSummary {
  return {
    programId: issue.programId,
    issuedAt: issue.issuedAt,
    certificates: issue.certificates,
    held: Object.values(issue.totals).reduce((n, t) => n + t.held, 0),
    firstNumber: certificateNumber(1),
    lastNumber: certificateNumber(issue.certificates),
    classes: issue.totals,
  };
}

/**
 * Why the program cannot be issued now, thrown in words (odd-lot, no terms, issued before, an
 * empty register); otherwise its terms and the size of its register. Main asks this before it
 * starts an issue job, and the issue asks it again inside its change.
 */
export async function issuable(r: ReadRepos, programId: number): Promise<{ program: ProgramRecord; terms: RightsOfferingTerms; version: number; entries: number }> {
  const found = await rightsProgram(r, programId);
  const earlier = await r.certificates.issueOf(programId);
  if (earlier) {
    const who = earlier.issuedBy === null ? '' : ` by ${earlier.issuedBy}`;
    throw new DeskFailure('CONFLICT', `Certificates for ${found.program.name} were already issued on ${earlier.issuedAt.slice(0, 10)}${who} (${earlier.certificates} certificates); a program is issued once`, 'programId');
  }
  const entries = await r.register.count(programId);
  if (entries === 0) throw new DeskFailure('CONFLICT', `The record-date register of ${found.program.name} is empty: import it before issuing certificates`, 'programId');
  return { ...found, entries };
}

/**
 * Issues the program's certificates from its register and its current terms. Refused, with the
 * book unchanged, when the program is odd-lot, has no terms or no register, or was issued before.
 * Progress comes per page: first 'register entries checked' (the totals), then 'certificates
 * issued'. A cancel (control.signal) rolls the whole change back.
 */
export async function issueCertificates(store: BookStore, by: JournalActor, programId: number, control: IssueControl = {}): Promise<IssueSummary> {
  return store.change(by, 'certificates.issued', async (tx, at) => {
    const { program, terms, version, entries } = await issuable(tx, programId);
    const byCode = new Map(terms.classes.map((c) => [c.code, { terms: c, rate: new FirmRightsRate(c.firmRightsPerUnit) }]));
    const tallies = await tallyRegister(tx, programId, byCode, { ...control, total: entries });
    const totals = totalsOf(tallies);
    const count = [...tallies.values()].reduce((n, t) => n + t.certificates, 0);
    const issue = await tx.certificates.insertIssue({ programId, issuedAt: at, issuedBy: by.id, certificates: count, totals });
    let seq = 0;
    for await (const page of registerPages(tx, programId, control.signal)) {
      const made: NewCertificate[] = page.map((e) => {
        seq += 1;
        const { rate } = classOf(byCode, e);
        return { seq, number: certificateNumber(seq), class: e.class, entryId: e.id, account: e.account, units: e.units, firmRights: rate.of(e.units), held: isHeld(e.country) };
      });
      await tx.certificates.insertMany(programId, issue.id, at, made);
      control.onProgress?.({ done: seq, total: count, unit: 'certificates issued' });
    }
    if (control.signal?.aborted === true) throw cancelled();
    const summary: IssueSummary = {
      programId,
      issuedAt: at,
      certificates: count,
      held: [...tallies.values()].reduce((n, t) => n + t.held, 0),
      firstNumber: certificateNumber(1),
      lastNumber: certificateNumber(count),
      classes: totals,
    };
    return { payload: { cusip: program.cusip, termsVersion: version, issueId: issue.id, ...summary }, result: summary };
  });
}
