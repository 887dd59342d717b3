/**
 * Reading a bank's clearance file: CSV streamed through csv-parse (never whole in memory as
 * text), hashed as read (SHA-256 of the bytes exactly as they are), refused at the first byte
 * that is not UTF-8 with its offset, mapped to the layout's columns by their header names. Each
 * line is read into what the bank said (text as in the file) and, where it reads, what it means.
 */
import { CsvError, parse } from 'csv-parse';
import { pipeline } from 'node:stream';
import { isIsoDate } from '../../../../shared/domain/time';
import type { BankLayoutSpec, BankLineRead } from '../../../../shared/ipc/payments';
import { checkRegisterFile, readRegisterBytes, RegisterFileError } from '../../importers/file-bytes';

/** The largest bank file read: far above a year of any bank's clearance lines. */
export const MAX_BANK_FILE_BYTES = 64 * 1024 * 1024;
const MAX_RECORD_CHARS = 16 * 1024;

export class BankFileError extends RegisterFileError {
  constructor(message: string) {
    super(message);
    this.name = 'BankFileError';
  }
}

/** What a line means, when it reads: cents as decimal text, the business day, cleared or returned. */
export interface BankLineMeaning {
  readonly amount: string;
  readonly businessDate: string;
  readonly outcome: 'cleared' | 'returned';
}

export interface BankLine {
  /** The line of the file the record starts on (the header is line 1). */
  readonly line: number;
  readonly read: BankLineRead;
  readonly meaning: BankLineMeaning | null;
  /** Why it does not read (when meaning is null). */
  readonly problem: string | null;
}

export interface ReadBankFile {
  readonly lines: readonly BankLine[];
  readonly sha256: string;
  readonly bytes: number;
}

const FIELDS = ['checkNumber', 'account', 'amount', 'date', 'status', 'returnReason', 'reference'] as const;
type Field = (typeof FIELDS)[number];

/** Dollars as a bank writes them ("1,234.50", "$615", "615.5") into two-decimal text; null when not money. */
export function bankAmount(text: string): string | null {
  const plain = text.replace(/[$,\s]/g, '');
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!m) return null;
  const value = `${BigInt(m[1]!).toString()}.${(m[2] ?? '').padEnd(2, '0')}`;
  return value === '0.00' ? null : value;
}

/** A date in the layout's format as YYYY-MM-DD, or null when it is not a real date in that format. */
export function bankDate(text: string, format: BankLayoutSpec['dateFormat']): string | null {
  const t = text.trim();
  const m = format === 'YYYY-MM-DD' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) : format === 'YYYYMMDD' ? /^(\d{4})(\d{2})(\d{2})$/.exec(t) : /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (!m) return null;
  const iso = format === 'MM/DD/YYYY' ? `${m[3]}-${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

function meaningOf(read: BankLineRead, spec: BankLayoutSpec): { meaning: BankLineMeaning | null; problem: string | null } {
  const amount = bankAmount(read.amount);
  if (amount === null) return { meaning: null, problem: `the amount "${read.amount}" is not dollars and cents` };
  const businessDate = bankDate(read.date, spec.dateFormat);
  if (businessDate === null) return { meaning: null, problem: `the date "${read.date}" is not a real date written ${spec.dateFormat}` };
  const status = read.status.trim().toUpperCase();
  const is = (words: readonly string[]) => words.some((w) => w.trim().toUpperCase() === status);
  const outcome = is(spec.clearedWords) ? 'cleared' : is(spec.returnedWords) ? 'returned' : null;
  if (outcome === null) return { meaning: null, problem: `the status "${read.status}" is neither ${spec.clearedWords.join('/')} (cleared) nor ${spec.returnedWords.join('/')} (returned)` };
  return { meaning: { amount, businessDate, outcome }, problem: null };
}

/** Where each of the layout's columns is in the header; a missing one refuses the file. */
function mapHeader(header: readonly string[], spec: BankLayoutSpec, shown: string): Partial<Record<Field, number>> {
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    const wanted = spec.columns[field];
    if (wanted === undefined) continue;
    const at = names.indexOf(wanted.trim().toLowerCase());
    if (at < 0) throw new BankFileError(`${shown}: the header has no column "${wanted}" (the layout's ${field} column); it has ${header.map((h) => `"${h}"`).join(', ')}`);
    index[field] = at;
  }
  return index;
}

function readOf(record: readonly string[], index: Partial<Record<Field, number>>): BankLineRead {
  const at = (f: Field) => {
    const k = index[f];
    return k === undefined ? '' : (record[k] ?? '').trim();
  };
  return { checkNumber: at('checkNumber'), account: at('account'), amount: at('amount'), date: at('date'), status: at('status'), returnReason: at('returnReason'), reference: at('reference') };
}

/** Reads the whole file into its lines (a bank file is small beside the book), with its hash. */
/** Told every so many lines how many bytes of how many are read; may throw to stop (a cancel). */
export type ReadProgress = (bytesRead: number, bytesTotal: number) => void;
const PROGRESS_EVERY = 2_000;

export async function readBankFile(file: string, shown: string, spec: BankLayoutSpec, onProgress?: ReadProgress): Promise<ReadBankFile> {
  const size = await checkRegisterFile(file, shown);
  if (size > MAX_BANK_FILE_BYTES) throw new BankFileError(`${shown} is ${size} bytes, larger than the ${MAX_BANK_FILE_BYTES / 1024 / 1024} MiB a bank file may be`);
  const { stream, digest } = readRegisterBytes(file, shown, { utf8: true });
  const parser = parse({ bom: true, delimiter: spec.delimiter, relax_column_count: true, max_record_size: MAX_RECORD_CHARS, info: true });
  pipeline(stream, parser, () => undefined);
  const lines: BankLine[] = [];
  let index: Partial<Record<Field, number>> | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length === 1 && record[0]?.trim() === '') continue;
      if (index === null) {
        index = mapHeader(record, spec, shown);
        continue;
      }
      const read = readOf(record, index);
      lines.push({ line: info.lines, read, ...meaningOf(read, spec) });
      if (onProgress && lines.length % PROGRESS_EVERY === 0) onProgress(digest.bytes(), size);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof RegisterFileError) throw error;
    if (error instanceof CsvError) throw new BankFileError(`${shown}: ${error.message.split('\n')[0] ?? error.code}`);
    throw error;
  }
  if (index === null) throw new BankFileError(`${shown} is empty: a header row naming the columns is needed`);
  return { lines, sha256: digest.sha256(), bytes: digest.bytes() };
}
