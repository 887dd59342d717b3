/**
 * The DTC instruction file's rows (README, "DTC instruction file"): one row per instruction, or
 * several rows of the same VOI number, one per beneficial owner of its Nominee Holder
 * Certification, the instruction's own columns repeated the same on each. Each row is checked
 * alone here, naming its line, column and problem; grouping into instructions follows.
 */
import type { DtcInstructionInput, DtcImportProblem } from '../../../../shared/ipc/intake-more';

export const DTC_COLUMNS = [
  'voi_number', 'participant_number', 'participant_name', 'certificate', 'rights_surrendered', 'basic_shares', 'oversubscription_shares',
  'amount', 'settled', 'certified', 'owner_reference', 'owner_record_date_holding', 'owner_basic_exercised', 'owner_oversubscription_requested',
] as const;
export type DtcColumn = (typeof DTC_COLUMNS)[number];
const OWNER_COLUMNS: readonly DtcColumn[] = ['owner_reference', 'owner_record_date_holding', 'owner_basic_exercised', 'owner_oversubscription_requested'];
export const REQUIRED_COLUMNS = DTC_COLUMNS.filter((c) => !OWNER_COLUMNS.includes(c));

/** The instruction's own columns: the same on every row of one VOI number. */
const INSTRUCTION_COLUMNS: readonly DtcColumn[] = REQUIRED_COLUMNS;

export type DtcRow = Readonly<Record<DtcColumn, string>>;

export interface ParsedInstruction {
  /** The line of its first row. */
  readonly line: number;
  readonly input: Omit<DtcInstructionInput, 'envelopeId'>;
}

const WHOLE = /^\d{1,12}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const FLAGS: Readonly<Record<string, boolean>> = { Y: true, YES: true, N: false, NO: false };

class RowProblems {
  readonly list: DtcImportProblem[] = [];
  constructor(private readonly line: number) {}
  add(column: string, code: string, message: string): void {
    this.list.push({ line: this.line, column, code, message });
  }
}

function whole(row: DtcRow, column: DtcColumn, p: RowProblems, label: string): number {
  const v = row[column];
  if (v === '') p.add(column, 'MISSING_VALUE', `${label} is blank`);
  else if (!WHOLE.test(v)) p.add(column, 'NOT_A_NUMBER', `${label} “${v}” is not a whole number of shares`);
  return WHOLE.test(v) ? Number(v) : 0;
}

function flag(row: DtcRow, column: DtcColumn, p: RowProblems, label: string): boolean {
  const v = FLAGS[row[column].toUpperCase()];
  if (v === undefined) p.add(column, 'BAD_FLAG', `${label} “${row[column]}” must be Y or N`);
  return v === true;
}

function text(row: DtcRow, column: DtcColumn, p: RowProblems, label: string, pattern?: RegExp, hint?: string): string {
  const v = row[column];
  if (v === '') p.add(column, 'MISSING_VALUE', `${label} is blank`);
  else if (pattern && !pattern.test(v)) p.add(column, 'MALFORMED', `${label} “${v}” ${hint ?? 'is not valid'}`);
  return v;
}

/** One row as an instruction with at most one certification line, or its problems. */
function readRow(row: DtcRow, line: number): { instruction: ParsedInstruction; problems: DtcImportProblem[] } {
  const p = new RowProblems(line);
  const amount = row.amount;
  if (!AMOUNT.test(amount) || /^0+(\.0*)?$/.test(amount)) p.add('amount', 'BAD_AMOUNT', `DTC settlement amount “${amount}” must be dollars and cents above zero, e.g. 6000.00`);
  const input: ParsedInstruction['input'] = {
    voiNumber: text(row, 'voi_number', p, 'VOI number', /^[A-Za-z0-9-]{1,20}$/, 'must be letters and digits as DTC gave it'),
    participantNumber: text(row, 'participant_number', p, 'Participant number', /^\d{1,5}$/, 'must be DTC’s participant number, up to 5 digits'),
    participantName: text(row, 'participant_name', p, 'Participant name'),
    certificateNumber: text(row, 'certificate', p, 'Certificate', /^RT-\d{6,9}$/i, 'must be a certificate number like RT-000008').toUpperCase(),
    rightsSurrendered: whole(row, 'rights_surrendered', p, 'Rights surrendered'),
    basicShares: whole(row, 'basic_shares', p, 'Basic shares'),
    oversubscriptionShares: whole(row, 'oversubscription_shares', p, 'Oversubscription shares'),
    amount,
    settled: flag(row, 'settled', p, 'Settled'),
    certified: flag(row, 'certified', p, 'Certified'),
    lines: [],
  };
  if (OWNER_COLUMNS.some((c) => row[c] !== '')) {
    const owner = {
      ownerReference: text(row, 'owner_reference', p, 'Beneficial owner'),
      recordDateHolding: whole(row, 'owner_record_date_holding', p, 'Record-date holding'),
      basicExercised: whole(row, 'owner_basic_exercised', p, 'Basic exercised'),
      oversubscriptionRequested: whole(row, 'owner_oversubscription_requested', p, 'Oversubscription requested'),
    };
    return { instruction: { line, input: { ...input, lines: [owner] } }, problems: p.list };
  }
  return { instruction: { line, input }, problems: p.list };
}

/** Groups checked rows by VOI number (in file order); a later row whose instruction columns differ is named. */
export class InstructionGrouper {
  private readonly byVoi = new Map<string, { instruction: ParsedInstruction; row: DtcRow; lines: ParsedInstruction['input']['lines'][number][] }>();
  readonly problems: DtcImportProblem[] = [];
  rows = 0;

  add(row: DtcRow, line: number): void {
    this.rows += 1;
    const { instruction, problems } = readRow(row, line);
    this.problems.push(...problems);
    if (problems.length > 0) return;
    const voi = instruction.input.voiNumber;
    const first = this.byVoi.get(voi);
    if (!first) {
      this.byVoi.set(voi, { instruction, row, lines: [...instruction.input.lines] });
      return;
    }
    const differs = INSTRUCTION_COLUMNS.find((c) => row[c] !== first.row[c]);
    if (differs) {
      this.problems.push({ line, column: differs, code: 'INCONSISTENT_INSTRUCTION', message: `VOI ${voi}: ${differs} “${row[differs]}” differs from line ${first.instruction.line} (“${first.row[differs]}”); repeat the instruction’s columns the same on each of its rows` });
      return;
    }
    if (instruction.input.lines.length === 0) {
      this.problems.push({ line, column: 'voi_number', code: 'DUPLICATE_VOI', message: `VOI ${voi} is on line ${first.instruction.line} already; a repeated row must carry a beneficial owner` });
      return;
    }
    first.lines.push(...instruction.input.lines);
  }

  instructions(): ParsedInstruction[] {
    return [...this.byVoi.values()].map((g) => ({ line: g.instruction.line, input: { ...g.instruction.input, lines: g.lines } }));
  }
}

/** The file's header mapped to the layout's columns: every required column present, none unknown or twice. */
export function mapDtcHeader(header: readonly string[]): { ok: true; index: ReadonlyMap<DtcColumn, number> } | { ok: false; message: string } {
  const index = new Map<DtcColumn, number>();
  for (const [i, raw] of header.entries()) {
    const name = raw.trim().toLowerCase();
    if (!(DTC_COLUMNS as readonly string[]).includes(name)) return { ok: false, message: `column “${raw}” is not one of the DTC instruction file’s columns (${DTC_COLUMNS.join(', ')})` };
    if (index.has(name as DtcColumn)) return { ok: false, message: `column “${raw}” is named twice` };
    index.set(name as DtcColumn, i);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) return { ok: false, message: `the header lacks ${missing.join(', ')}` };
  return { ok: true, index };
}

export function rowOf(record: readonly string[], index: ReadonlyMap<DtcColumn, number>): DtcRow {
  const row = {} as Record<DtcColumn, string>;
  for (const c of DTC_COLUMNS) {
    const at = index.get(c);
    row[c] = at === undefined ? '' : (record[at] ?? '').trim();
  }
  return row;
}
