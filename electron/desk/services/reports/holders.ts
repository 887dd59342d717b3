/**
 * §10's listing of holders who exercised their rights fully, partly or not at all: one row per
 * record-date certificate of the program (a holder of several classes has one row each), with
 * the rights it carries, those its current exercises exercise (report-items.ts: corrections
 * once, withdrawn ones nowhere, rejected and late ones not at all) and where those exercises
 * stand under §11: accepted, pending (awaiting a decision or a cure), or rejected.
 */
import type { ExerciseStanding, ExerciseStatus, HolderRow, HolderTotals } from '../../../../shared/ipc/reports';
import type { CertificateRecord, ReadRepos } from '../../store/port';
import { accepted, counts, type ReportItem } from './report-items';
import type { ReportSource } from './report-source';

const PAGE = 2_000;

export interface HolderListing {
  readonly rows: readonly HolderRow[];
  readonly totals: HolderTotals;
}

function exerciseOf(held: number, exercised: number, oversubscription: number): ExerciseStatus {
  if (held > 0 && exercised >= held) return 'fully';
  if (exercised > 0) return 'partly';
  // A certificate with no firm rights (an oversubscription privilege only) exercises it by asking.
  return held === 0 && oversubscription > 0 ? 'fully' : 'not at all';
}

function standingOf(items: readonly ReportItem[]): ExerciseStanding {
  const live = items.filter(counts);
  if (live.length === 0) return items.some((i) => i.rejected) ? 'rejected' : 'none';
  return live.every(accepted) ? 'accepted' : 'pending';
}

function rowOf(c: CertificateRecord, registration: string, items: readonly ReportItem[]): HolderRow {
  const live = items.filter(counts);
  const exercised = live.reduce((n, i) => n + i.rightsExercised, 0);
  const oversubscription = live.reduce((n, i) => n + i.oversubscriptionRequested, 0);
  return {
    seq: c.seq, certificateNumber: c.number, account: c.account, class: c.class, registration, rightsHeld: c.firmRights, rightsExercised: exercised,
    oversubscriptionRequested: oversubscription, exercise: exerciseOf(c.firmRights, exercised, oversubscription), standing: standingOf(items), held: c.held,
  };
}

/** Every certificate of the program in number order, a page at a time, with its holder's first registration line. */
export async function holderListingFrom(r: ReadRepos, source: ReportSource): Promise<HolderListing> {
  const byCertificate = new Map<number, ReportItem[]>();
  for (const i of source.items) byCertificate.set(i.certificateId, [...(byCertificate.get(i.certificateId) ?? []), i]);
  const rows: HolderRow[] = [];
  for (let after = 0; ; ) {
    const page = await r.certificates.list(source.program.id, {}, after, PAGE);
    if (page.length === 0) break;
    const entries = new Map((await r.register.entriesByIds(page.map((c) => c.entryId))).map((e) => [e.id, e]));
    for (const c of page) rows.push(rowOf(c, entries.get(c.entryId)?.registration[0] ?? '', byCertificate.get(c.id) ?? []));
    after = page.at(-1)!.seq;
  }
  const totals: HolderTotals = {
    certificates: rows.length,
    fully: rows.filter((x) => x.exercise === 'fully').length,
    partly: rows.filter((x) => x.exercise === 'partly').length,
    notAtAll: rows.filter((x) => x.exercise === 'not at all').length,
    rightsHeld: rows.reduce((n, x) => n + x.rightsHeld, 0),
    rightsExercised: rows.reduce((n, x) => n + x.rightsExercised, 0),
  };
  return { rows, totals };
}

export const HOLDER_NOTES: readonly string[] = [
  'One row per record-date certificate (a holder of several classes has a row for each). Rights held: the firm rights the certificate carries (§1b: rounded down).',
  'Rights exercised: as in the daily report\u2019s (a), summed over the certificate\u2019s current exercises; rejected exercises and those received after the Expiration Time exercise nothing.',
  'Fully: every firm right exercised (or, with no firm rights, an oversubscription asked for); partly: some; not at all: none.',
  'Standing: accepted when every exercise counted is clean or had each deficiency waived or cured (§11); pending while any awaits a decision or a cure; rejected when only rejected exercises came in; none when nothing came in.',
];
