/**
 * The §10 reports as CSV (RFC 4180, CRLF): a few lines saying what the report is and the
 * journal entry it was drawn at, a blank line, then its figures (or its holders) as a table,
 * then its footnotes. A cell that starts with = + - @ (or a tab or carriage return) is defused
 * with a leading apostrophe, so a spreadsheet never reads a holder's name as a formula.
 */
import type { DailyReportView, FinalReportView, HolderListingView, ReportFigures, ReportHeader } from '../../../../shared/ipc/reports';
import { FIGURE_LINES } from './figures';

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly (string | number)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

function about(h: ReportHeader, report: string): string {
  return [
    csvRow(['report', report]), csvRow(['issuer', h.issuer]), csvRow(['program', h.programName]), csvRow(['cusip', h.cusip]),
    csvRow(['drawn_at_utc', h.drawnAt]), csvRow(['drawn_new_york', h.drawnLocal]),
    csvRow(['journal_seq', h.head?.seq ?? '']), csvRow(['journal_hash', h.head?.hash ?? '']), csvRow(['expiration_new_york', h.expiresAt]),
  ].join('');
}

const notes = (h: ReportHeader): string => `\r\n${h.notes.map((n, i) => csvRow([`note_${i + 1}`, n])).join('')}`;

/** Figures as plain numbers and two-decimal amounts (no grouping: a spreadsheet reads them as numbers). */
function figureTable(columns: readonly string[], sets: readonly ReportFigures[]): string {
  return csvRow(['figure', 'label', ...columns]) + FIGURE_LINES.map((l) => csvRow([l.key, l.label.trim(), ...sets.map((f) => String(f[l.key]))])).join('');
}

export function dailyCsv(v: DailyReportView): string {
  return `${about(v, 'daily')}${csvRow(['business_day', v.day])}\r\n${figureTable(['that_day', 'cumulative'], [v.today, v.cumulative])}${notes(v)}`;
}

export function finalCsv(v: FinalReportView, officer: { readonly name: string; readonly title: string }): string {
  const meta = [csvRow(['final_report_due_new_york', v.due.dueAt]), csvRow(['due_state', v.due.state]), csvRow(['awaiting_decision', v.awaitingDecision]), csvRow(['certifying_officer', officer.name]), csvRow(['officer_title', officer.title])].join('');
  return `${about(v, 'final')}${meta}\r\n${figureTable(['total_through_expiration'], [v.totals!])}${notes(v)}`;
}

export const HOLDER_CSV_COLUMNS = ['certificate', 'account', 'class', 'registration', 'rights_held', 'rights_exercised', 'oversubscription_requested', 'exercise', 'standing', 'held'];

/** The listing in pieces of a few thousand rows: written as they are made. */
export function* holdersCsv(v: HolderListingView): Generator<string> {
  yield `${about(v, 'holders')}\r\n${csvRow(HOLDER_CSV_COLUMNS)}`;
  const STEP = 5_000;
  for (let at = 0; at < v.rows.length; at += STEP) {
    yield v.rows.slice(at, at + STEP).map((r) => csvRow([r.certificateNumber, r.account, r.class, r.registration, r.rightsHeld, r.rightsExercised, r.oversubscriptionRequested, r.exercise, r.standing, r.held ? 'Y' : 'N'])).join('');
  }
  yield notes(v);
}
