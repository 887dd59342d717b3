/**
 * Channels' inputs and results for the §10 reports (the Reports area): the daily report for a
 * business day, the listing of holders who exercised fully, partly or not at all, and the final
 * certified report after the expiration; each printed (PDF, a job) or exported (CSV) into the
 * file main's own dialog chooses. The renderer names only a program, a day and the officer.
 */
import { z } from 'zod';
import { labelled } from './labels';
import { isoDateSchema } from './schemas';

const positiveId = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

const reportDay = labelled(isoDateSchema.clone(), 'Business day', 'type the date as MMDDYY or MM/DD/YYYY');

const officerText = (label: string, example: string) =>
  labelled(
    z.string({ error: `${label} must be text` }).trim().min(2, `${label}: type the certifying officer's ${label.toLowerCase()}, e.g. ${example}`).max(100, `${label} must be at most 100 characters`),
    label,
  );

/** Who signs the final report's certification for the Rights Agent. */
export const officerSchema = z.object({ name: officerText('Officer name', 'Jane Doe'), title: officerText('Officer title', 'Vice President') }).strict();

/** Without a day: the last business day before today (within the report period). */
export const dailyReportInput = z.object({ programId: positiveId('Program'), day: reportDay.optional() }).strict();
export const holderListingInput = z
  .object({
    programId: positiveId('Program'),
    offset: labelled(z.number().int().min(0), 'Position'),
    limit: labelled(z.number().int().min(1).max(500), 'Number of rows'),
  })
  .strict();
export const finalReportInput = z.object({ programId: positiveId('Program') }).strict();

export const REPORT_KINDS = ['daily', 'holders', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Print or export one report: the day for the daily one, the officer for the final one. */
export const reportOutputInput = z
  .object({
    programId: positiveId('Program'),
    report: labelled(z.enum(REPORT_KINDS, { error: 'Report must be daily, holders or final' }), 'Report'),
    day: reportDay.optional(),
    officer: labelled(officerSchema, 'Certifying officer').optional(),
  })
  .strict()
  .refine((i) => i.report !== 'daily' || i.day !== undefined, { message: 'Business day: type the day the report is for', path: ['day'] })
  .refine((i) => i.report !== 'final' || i.officer !== undefined, { message: 'Certifying officer: name the officer who certifies the report', path: ['officer'] });
export type ReportOutputRequest = z.output<typeof reportOutputInput>;

/** §10(a)–(c) for a set of items: counts of rights and shares (whole numbers), money as two-decimal text. */
export interface ReportFigures {
  /** Exercises counted (forms and DTC instructions; not withdrawn, not rejected, not late). */
  readonly items: number;
  readonly forms: number;
  readonly dtc: number;
  /** (a) Rights exercised: one right per basic share exercised. */
  readonly rightsExercised: number;
  /** Of (a), in exercises already accepted (clean, or every deficiency waived or cured). */
  readonly rightsAccepted: number;
  /** Oversubscription shares requested. */
  readonly oversubscriptionRequested: number;
  /** (b) Rights Shares subscribed: basic plus oversubscription. */
  readonly sharesSubscribed: number;
  /** (b) Rights for which payment has been received: basic shares whose cost good funds cover. */
  readonly rightsPaid: number;
  /** Shares (basic and oversubscription) whose cost good funds cover. */
  readonly sharesPaid: number;
  readonly goodFunds: string;
  /** Received but not yet good funds (an uncleared check). */
  readonly pendingFunds: string;
  /** (c) Defective exercises received: items and their rights (rejected and late ones included). */
  readonly defectiveItems: number;
  readonly defectiveRights: number;
  /** Of (c): still awaiting the company's decision or a cure; accepted after a decision; rejected. */
  readonly defectiveOpen: number;
  readonly defectiveAccepted: number;
  readonly defectiveRejected: number;
  /** Shown apart, not in (a)/(b): rejected exercises and exercises received after the Expiration Time. */
  readonly rejectedItems: number;
  readonly rejectedRights: number;
  readonly lateItems: number;
  readonly lateRights: number;
}

/** The figures' lines in words, in the order §10 names them (screen, PDF and CSV share them). */
export const FIGURE_LINES: readonly { readonly key: keyof ReportFigures; readonly label: string; readonly money?: true }[] = [
  { key: 'items', label: 'Exercises received (forms and DTC instructions)' },
  { key: 'forms', label: '   of which election forms' },
  { key: 'dtc', label: '   of which DTC instructions' },
  { key: 'rightsExercised', label: '(a) Rights exercised' },
  { key: 'rightsAccepted', label: '   of which in accepted exercises' },
  { key: 'oversubscriptionRequested', label: 'Oversubscription shares requested' },
  { key: 'sharesSubscribed', label: '(b) Rights Shares subscribed (basic + oversubscription)' },
  { key: 'rightsPaid', label: '(b) Rights for which payment has been received' },
  { key: 'sharesPaid', label: 'Shares paid for (basic + oversubscription)' },
  { key: 'goodFunds', label: 'Good funds', money: true },
  { key: 'pendingFunds', label: 'Funds received, not yet good', money: true },
  { key: 'defectiveRights', label: '(c) Rights in defective exercises received' },
  { key: 'defectiveItems', label: '   defective exercises received' },
  { key: 'defectiveOpen', label: '   awaiting a decision or a cure' },
  { key: 'defectiveAccepted', label: '   accepted (waived or cured)' },
  { key: 'defectiveRejected', label: '   rejected' },
  { key: 'rejectedItems', label: 'Rejected exercises (not in (a) or (b))' },
  { key: 'rejectedRights', label: '   their rights' },
  { key: 'lateItems', label: 'Received after the Expiration Time (not in (a) or (b))' },
  { key: 'lateRights', label: '   their rights' },
];

/** What every report states: the program, when and by whom it was drawn, and the journal entry it was drawn at. */
export interface ReportHeader {
  readonly programId: number;
  readonly issuer: string;
  readonly programName: string;
  readonly cusip: string;
  /** Instant drawn (ISO UTC) and the same in New York wall time 'YYYY-MM-DDTHH:mm'. */
  readonly drawnAt: string;
  readonly drawnLocal: string;
  /** The journal entry the figures were read at (null only in an empty book). */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  /** §5a: the Expiration Time, New York wall time. */
  readonly expiresAt: string;
  /** How each figure is defined (printed as the report's footnotes). */
  readonly notes: readonly string[];
}

export interface DailyReportView extends ReportHeader {
  readonly day: string;
  readonly today: ReportFigures;
  readonly cumulative: ReportFigures;
  /** The first business day of the report period (the certificates' issue date or the next business day). */
  readonly firstDay: string;
  readonly afterExpiration: boolean;
}

export const EXERCISE_STATUSES = ['fully', 'partly', 'not at all'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];
export const EXERCISE_STANDINGS = ['accepted', 'pending', 'rejected', 'none'] as const;
export type ExerciseStanding = (typeof EXERCISE_STANDINGS)[number];

/** One record-date holder's certificate in the listing. */
export interface HolderRow {
  /** The certificate's sequence number in the program (the grid's key). */
  readonly seq: number;
  readonly certificateNumber: string;
  readonly account: string;
  readonly class: string;
  /** First registration line as on the register. */
  readonly registration: string;
  readonly rightsHeld: number;
  readonly rightsExercised: number;
  readonly oversubscriptionRequested: number;
  readonly exercise: ExerciseStatus;
  readonly standing: ExerciseStanding;
  /** Held by the agent for a holder abroad (§9). */
  readonly held: boolean;
}

export interface HolderTotals {
  readonly certificates: number;
  readonly fully: number;
  readonly partly: number;
  readonly notAtAll: number;
  readonly rightsHeld: number;
  readonly rightsExercised: number;
}

export interface HolderListingView extends ReportHeader {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly HolderRow[];
  readonly totals: HolderTotals;
}

export interface FinalDue {
  /** §10: 5:00 p.m. on the 7th business day after the Expiration Time (New York wall time). */
  readonly dueAt: string;
  readonly state: 'ahead' | 'close' | 'past';
  /** The warning in words (empty while ahead). */
  readonly warning: string;
}

export interface FinalReportView extends ReportHeader {
  readonly available: boolean;
  /** Why it cannot be drawn yet (before the expiration). */
  readonly unavailableReason: string | null;
  readonly due: FinalDue;
  /** The cumulative totals through the Expiration Time (null before it). */
  readonly totals: ReportFigures | null;
  /** Exercises still awaiting a decision or a cure when drawn. */
  readonly awaitingDecision: number;
  readonly lastDay: string;
}

export interface ReportExportView {
  readonly fileName: string;
  readonly rows: number;
}
