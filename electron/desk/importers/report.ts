/**
 * The import report exactly as the contract gives it (offering-desk/register-report@1): the
 * file's SHA-256 and row count, imported and rejected counts, and every problem, by line then
 * column. Written as a stream of JSON text (a million problems need not be one string), and
 * as CSV for the screen's export.
 */
import type { RowProblem } from './validate-row';

export const REPORT_FORMAT = 'offering-desk/register-report@1';

export interface RegisterReport {
  readonly format: typeof REPORT_FORMAT;
  readonly file: { readonly sha256: string; readonly rows: number };
  readonly imported: number;
  readonly rejected: number;
  readonly problems: readonly RowProblem[];
}

/** By line, then by the column's name, then by code: the contract's order, and a stable one. */
export function compareProblems(a: RowProblem, b: RowProblem): number {
  return a.line - b.line || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function buildReport(file: { sha256: string; rows: number }, imported: number, rejected: number, problems: RowProblem[]): RegisterReport {
  return { format: REPORT_FORMAT, file: { sha256: file.sha256, rows: file.rows }, imported, rejected, problems: [...problems].sort(compareProblems) };
}

const problemJson = (p: RowProblem): string => JSON.stringify({ line: p.line, column: p.column, code: p.code, message: p.message });

/** The report as JSON text in pieces (2-space indent, one problem a line, trailing newline). */
export function* reportJsonChunks(report: RegisterReport): Generator<string> {
  const head = `{\n  "format": ${JSON.stringify(report.format)},\n  "file": { "sha256": ${JSON.stringify(report.file.sha256)}, "rows": ${report.file.rows} },\n  "imported": ${report.imported},\n  "rejected": ${report.rejected},\n  "problems": [`;
  if (report.problems.length === 0) {
    yield `${head}]\n}\n`;
    return;
  }
  yield `${head}\n`;
  const BATCH = 1000;
  for (let i = 0; i < report.problems.length; i += BATCH) {
    const slice = report.problems.slice(i, i + BATCH);
    yield slice.map((p, k) => `    ${problemJson(p)}${i + k === report.problems.length - 1 ? '' : ','}`).join('\n') + '\n';
  }
  yield '  ]\n}\n';
}

export const reportJson = (report: RegisterReport): string => [...reportJsonChunks(report)].join('');

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The problems as CSV (line, column, code, message), CRLF line ends, in pieces. */
export function* problemsCsvChunks(problems: readonly RowProblem[]): Generator<string> {
  yield 'line,column,code,message\r\n';
  const BATCH = 1000;
  for (let i = 0; i < problems.length; i += BATCH) {
    yield problems.slice(i, i + BATCH).map((p) => [p.line, p.column, p.code, p.message].map(csvField).join(',') + '\r\n').join('');
  }
}
