/**
 * Dates as clerks key them: `MMDDYY`, `MMDDYYYY` or `MM/DD/YYYY` (also `M/D/YY` and ISO).
 * Two-digit years: 00–69 mean 2000–2069, 70–99 mean 1970–1999.
 */
import { NEW_YORK, instantToWallTime } from '../../../shared/domain/time';

export type DateParse = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly message: string };

const pad2 = (n: number) => String(n).padStart(2, '0');

const fullYear = (year: string): number => {
  const n = Number.parseInt(year, 10);
  if (year.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
};

const isRealDate = (y: number, m: number, d: number): boolean => {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};

const splitKeyed = (text: string): [string, string, string] | null => {
  const digits = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(text);
  if (digits) return [digits[1]!, digits[2]!, digits[3]!];
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (slashed) return [slashed[1]!, slashed[2]!, slashed[3]!];
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return [iso[2]!, iso[3]!, iso[1]!];
  return null;
};

/** Reads a keyed date; the message names the field by `label`. */
export function parseKeyedDate(text: string, label: string): DateParse {
  const keyed = text.trim();
  if (keyed === '') return { ok: false, message: `${label} is required` };
  const parts = splitKeyed(keyed);
  if (!parts) return { ok: false, message: `${label} must be MMDDYY, MMDDYYYY or MM/DD/YYYY` };
  const month = Number.parseInt(parts[0], 10);
  const day = Number.parseInt(parts[1], 10);
  const year = fullYear(parts[2]);
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: `${label}: ${pad2(month)}/${pad2(day)}/${year} is not a real calendar date` };
  }
  return { ok: true, iso: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** `2024-03-15` → `03/15/2024`; anything else is returned unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** What a date field shows after the clerk leaves it: the normalized form when it reads, else as keyed. */
export function normalizeKeyedDate(text: string): string {
  const parsed = parseKeyedDate(text, 'Date');
  return parsed.ok ? formatIsoDate(parsed.iso) : text;
}

/**
 * An ISO instant shown in New York time, to the minute, marked "ET": the agent's deadlines are
 * New York wall time (§5), so every time on screen is too, whatever the workstation's zone.
 */
export function formatInstant(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const wall = instantToWallTime(at, NEW_YORK); // YYYY-MM-DDTHH:mm
  return `${wall.slice(5, 7)}/${wall.slice(8, 10)}/${wall.slice(0, 4)} ${wall.slice(11, 16)} ET`;
}
