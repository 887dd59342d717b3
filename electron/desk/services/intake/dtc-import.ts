/**
 * Importing a file of DTC instructions (README, "DTC instruction file") into one envelope of a
 * batch: streamed through csv-parse, every row checked and every bad one named by line, column and
 * problem; then every instruction checked against the book and written in ONE change — all of
 * them or none. The journal records the file's SHA-256, its rows and the instructions written.
 * It runs as a job in a worker (workers/import-dtc.ts): progress by rows read, then by
 * instructions checked; a cancel throws out of the change, so nothing of the file is written.
 */
import { CsvError, parse } from 'csv-parse';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { dtcInstructionInput, type DtcImportProblem, type DtcImportResult } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import { MAX_ROW_CHARS, readRegisterBytes, RegisterFileError } from '../../importers/file-bytes';
import type { BookStore, JobProgress } from '../../store/port';
import { actorOf } from '../views';
import { checkInstruction, keyedPayload, nomineePosition, writeInstruction } from './dtc';
import { InstructionGrouper, mapDtcHeader, rowOf, type DtcColumn, type ParsedInstruction } from './dtc-rows';
import { holdEnvelopeBatch, itemContext, rightsTerms } from './item-context';

/** Far above a day's instructions of every participant (a row is about 150 bytes). */
export const MAX_DTC_FILE_BYTES = 16 * 1024 * 1024;

/** The column a refusal's field stands for. */
const COLUMN_OF: Readonly<Record<string, DtcColumn>> = {
  voiNumber: 'voi_number', certificateNumber: 'certificate', rightsSurrendered: 'rights_surrendered', basicShares: 'basic_shares',
  oversubscriptionShares: 'oversubscription_shares', amount: 'amount', lines: 'owner_reference', participantNumber: 'participant_number', participantName: 'participant_name',
};

export interface DtcImportControl {
  /** Told every so often; throws to cancel (a job's progress does, once Cancel is pressed). */
  readonly onProgress?: (progress: JobProgress) => void;
}

/** A report at least this often (rows or instructions), well under a second of work apart. */
const REPORT_EVERY = 500;

/** Every row read and grouped by VOI number; the file's SHA-256. */
async function readInstructions(file: string, shown: string, control: DtcImportControl): Promise<{ grouper: InstructionGrouper; sha256: string }> {
  const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => -2);
  if (size === -2) throw new DeskFailure('INVALID_INPUT', `File: cannot read ${shown}`, 'file');
  if (size === -1) throw new DeskFailure('INVALID_INPUT', `File: ${shown} is not a regular file`, 'file');
  if (size > MAX_DTC_FILE_BYTES) throw new DeskFailure('INVALID_INPUT', `File: ${shown} is ${size} bytes, larger than the ${MAX_DTC_FILE_BYTES / 1024 / 1024} MiB a DTC instruction file may be`, 'file');
  const { stream, digest } = readRegisterBytes(file, shown, { utf8: true });
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: MAX_ROW_CHARS, info: true });
  pipeline(stream, parser, () => undefined); // errors reach the iterator through the parser
  const grouper = new InstructionGrouper();
  let index: ReadonlyMap<DtcColumn, number> | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length === 1 && record[0] === '') continue;
      if (index === null) {
        const mapped = mapDtcHeader(record);
        if (!mapped.ok) throw new DeskFailure('INVALID_INPUT', `File: ${shown}: line ${info.lines}: ${mapped.message}`, 'file');
        index = mapped.index;
        continue;
      }
      grouper.add(rowOf(record, index), info.lines);
      if (grouper.rows % REPORT_EVERY === 0) control.onProgress?.({ done: grouper.rows, total: 0, unit: 'rows read' });
    }
  } catch (error) {
    if (error instanceof DeskFailure) throw error;
    if (error instanceof RegisterFileError) throw new DeskFailure('INVALID_INPUT', `File: ${error.message}`, 'file');
    if (error instanceof CsvError) throw new DeskFailure('INVALID_INPUT', `File: ${shown}: ${error.message.split('\n')[0] ?? error.code}`, 'file');
    throw error;
  }
  if (index === null) throw new DeskFailure('INVALID_INPUT', `File: ${shown} is empty: a header row naming the columns is needed`, 'file');
  return { grouper, sha256: digest.sha256() };
}

/** A change that found problems is rolled back by throwing this. */
class Refused extends Error {
  constructor(readonly problems: DtcImportProblem[]) {
    super('refused');
  }
}

/** Imports the file into the envelope: all instructions or none; problems listed by line, then column. */
export async function importDtcFile(store: BookStore, user: SessionUser, envelopeId: number, file: string, control: DtcImportControl = {}): Promise<DtcImportResult> {
  const fileName = path.basename(file);
  const { grouper, sha256 } = await readInstructions(file, fileName, control);
  const parsed = grouper.instructions();
  const result = (problems: DtcImportProblem[], committed: boolean): DtcImportResult => ({
    committed, fileName, sha256, rows: grouper.rows, instructions: committed ? parsed.length : 0,
    problems: [...problems].sort((a, b) => a.line - b.line || a.column.localeCompare(b.column)),
  });
  if (grouper.problems.length > 0) return result(grouper.problems, false);
  if (parsed.length === 0) return result([{ line: 1, column: 'voi_number', code: 'NO_INSTRUCTIONS', message: `${fileName} has a header but no instructions` }], false);
  try {
    await store.change(actorOf(user), 'intake.dtcInstructionsImported', async (tx, at) => {
      await holdEnvelopeBatch(tx, envelopeId);
      const c = await itemContext(tx, envelopeId);
      rightsTerms(c);
      await tx.intake.serializeWriters();
      const problems: DtcImportProblem[] = [];
      const ids: number[] = [];
      const positions: Positions = new Map();
      for (const [i, p] of parsed.entries()) {
        if (i % REPORT_EVERY === 0) control.onProgress?.({ done: i, total: parsed.length, unit: 'instructions' });
        const id = await importOne(tx, c, p, { envelopeId, at, by: user.id, positions }, problems);
        if (id !== null) ids.push(id);
      }
      if (problems.length > 0) throw new Refused(problems);
      return { payload: { fileName, sha256, rows: grouper.rows, instructions: ids.length, envelopeId, batchId: c.batch.id, electionIds: ids, keyed: parsed.map((p) => keyedPayload({ ...p.input, envelopeId })) }, result: null };
    });
  } catch (error) {
    if (error instanceof Refused) return result(error.problems, false);
    throw error;
  }
  return result([], true);
}

/** Each position read once per import, its rights kept current as the file's instructions are written (under the writers' lock). */
type Positions = Map<string, Awaited<ReturnType<typeof nomineePosition>>>;
type Tx = Parameters<Parameters<BookStore['change']>[2]>[0];

async function importOne(tx: Tx, c: Awaited<ReturnType<typeof itemContext>>, p: ParsedInstruction, w: { envelopeId: number; at: string; by: number; positions: Positions }, problems: DtcImportProblem[]): Promise<number | null> {
  const checked = dtcInstructionInput.safeParse({ ...p.input, envelopeId: w.envelopeId });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    problems.push({ line: p.line, column: COLUMN_OF[String(issue.path[0])] ?? 'voi_number', code: 'INVALID', message: issue.message });
    return null;
  }
  try {
    const number = checked.data.certificateNumber;
    let position = w.positions.get(number);
    if (!position) w.positions.set(number, (position = await nomineePosition(tx, c.program.id, number)));
    await checkInstruction(tx, c, checked.data, position.view);
    const id = await writeInstruction(tx, c, position.certificate, checked.data, w.at, w.by);
    const surrendered = position.view.surrendered + checked.data.rightsSurrendered;
    position.view = { ...position.view, surrendered, left: Math.max(0, position.view.firmRights - surrendered) };
    return id;
  } catch (error) {
    if (!(error instanceof DeskFailure)) throw error;
    problems.push({ line: p.line, column: COLUMN_OF[error.field ?? ''] ?? 'voi_number', code: problemCode(error), message: `VOI ${p.input.voiNumber}: ${error.message}` });
    return null;
  }
}

function problemCode(error: DeskFailure): string {
  if (error.code === 'NOT_FOUND') return 'UNKNOWN_CERTIFICATE';
  switch (error.field) {
    case 'rightsSurrendered': return 'EXCEEDS_POSITION';
    case 'voiNumber': return 'DUPLICATE_VOI';
    case 'certificateNumber': return 'NOT_A_NOMINEE_POSITION';
    case 'basicShares': return 'EXCEEDS_RIGHTS';
    case 'lines': return 'CERTIFICATION_MISMATCH';
    default: return 'REFUSED';
  }
}
