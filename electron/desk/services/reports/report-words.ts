/**
 * The §10 reports in words, for paper and for CSV alike: the figures' lines with their values
 * (shares grouped, dollars from decimal text, never a float), the title and subtitle of each
 * report, its warnings, the certification's text, the journal entry and who drew it when.
 */
import type { DailyReportView, FinalReportView, HolderListingView, HolderRow, ReportFigures, ReportHeader } from '../../../../shared/ipc/reports';
import type { FiguresReportPrint, HolderListingPrint, ReportPrintHead } from '../../pdf/report-doc';
import { dateInWords, dollars, instantInWords, shares, wallInWords } from '../intake/print-words';
import { FIGURE_LINES } from './figures';

export interface Drawer {
  readonly username: string;
  readonly displayName: string;
}

export const shortDate = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

export const journalLine = (h: ReportHeader): string =>
  h.head === null ? 'Drawn from an empty journal' : `Drawn at journal entry ${h.head.seq}, hash ${h.head.hash}`;

function headOf(h: ReportHeader, by: Drawer, title: string, subtitle: readonly string[], warning: string): ReportPrintHead {
  return {
    issuer: h.issuer, program: `${h.programName} \u2014 CUSIP ${h.cusip}`, title, subtitle, warning, notes: h.notes,
    journal: journalLine(h), drawn: `Drawn by ${by.displayName} (${by.username}) on ${instantInWords(h.drawnAt)}`,
  };
}

const value = (f: ReportFigures, key: keyof ReportFigures, money: boolean): string => (money ? dollars(String(f[key])) : shares(f[key] as number));

/** The figures as rows: label, then one value per set of figures. */
export function figureRows(...sets: readonly ReportFigures[]): string[][] {
  // pdfmake trims a cell's leading blanks (no-break ones too): a sub-line is marked with a dash instead.
  return FIGURE_LINES.map((l) => [l.label.replace(/^ +/, '\u2013 '), ...sets.map((f) => value(f, l.key, l.money === true))]);
}

export function dailyPrint(v: DailyReportView, by: Drawer): FiguresReportPrint {
  const subtitle = [`For the business day ${dateInWords(v.day)} (${shortDate(v.day)})`, `Reporting from ${dateInWords(v.firstDay)} through the Expiration Time, ${wallInWords(v.expiresAt)}`];
  const warning = v.afterExpiration ? 'This day is after the Expiration Time: what came in is late (\u00a75) and is shown apart, not as exercises.' : '';
  return { head: headOf(v, by, 'DAILY REPORT UNDER SECTION 10', subtitle, warning), figures: { columns: ['Figure', 'That day', 'Cumulative'], rows: figureRows(v.today, v.cumulative) }, certification: null };
}

export function finalWarning(v: FinalReportView): string {
  const waiting = v.awaitingDecision === 0 ? '' : `${shares(v.awaitingDecision)} exercise${v.awaitingDecision === 1 ? ' still awaits' : 's still await'} a decision or a cure: counted above as received, not yet accepted.`;
  return [v.due.warning, waiting].filter((w) => w !== '').join(' ');
}

export function finalPrint(v: FinalReportView, by: Drawer, officer: { readonly name: string; readonly title: string }): FiguresReportPrint {
  const subtitle = [`Cumulative totals through the Expiration Time, ${wallInWords(v.expiresAt)}`, `Due to the company at or before ${wallInWords(v.due.dueAt)}`];
  const text = `The undersigned officer of the Rights Agent certifies to ${v.issuer}, under Section 10 of the Rights Agent Agreement, that the cumulative totals above through the Expiration Time were derived from the Rights Agent's records as they stood at journal entry ${v.head?.seq ?? 0} and are accurate in all material respects.`;
  return {
    head: headOf(v, by, 'FINAL CERTIFIED REPORT UNDER SECTION 10', subtitle, finalWarning(v)),
    figures: { columns: ['Figure', 'Total'], rows: figureRows(v.totals!) },
    certification: { text, officerName: officer.name, officerTitle: officer.title, agent: 'For the Rights Agent' },
  };
}

export const HOLDER_COLUMNS = ['Certificate', 'Account', 'Class', 'Registration', 'Rights held', 'Exercised', 'Oversub.', 'Exercise', 'Standing'];

export const holderCells = (r: HolderRow): string[] => [r.certificateNumber, r.account, r.class, r.held ? `${r.registration} (held, \u00a79)` : r.registration, shares(r.rightsHeld), shares(r.rightsExercised), shares(r.oversubscriptionRequested), r.exercise, r.standing];

export function holdersPrint(v: HolderListingView, by: Drawer): HolderListingPrint {
  const t = v.totals;
  const subtitle = [`Every record-date certificate: rights exercised fully, partly or not at all, as the book stands on ${instantInWords(v.drawnAt)}`];
  return {
    head: headOf(v, by, 'LISTING OF HOLDERS UNDER SECTION 10', subtitle, ''),
    columns: HOLDER_COLUMNS,
    rows: v.rows.map(holderCells),
    totals: [['Exercised fully', shares(t.fully), ''], ['Exercised partly', shares(t.partly), ''], ['Not exercised', shares(t.notAtAll), ''], ['All certificates', shares(t.certificates), `${shares(t.rightsExercised)} of ${shares(t.rightsHeld)}`]],
  };
}
