import type { FoundItem } from '../../../shared/ipc/types';
import type { ProgramRecord, ReadRepos, RegisterEntryRecord, RegisterQuery } from '../store/port';
import { queryWords } from '../store/search-terms';
import { maskTin } from './register-view-model';

/**
 * How a typed query is read for the register (several readings may apply at once; each is asked):
 * - a certificate number: `RT-000123`, also `rt123` or `rt 123`; plain digits (up to 6) too;
 * - an account, exactly as typed (or upper-cased);
 * - a TIN's last four: 4 digits, or `XXX-XX-1234` / `XX-XXX1234` as the screens show them;
 * - a postal code: 5 digits (with its ZIP+4s) or a ZIP+4;
 * - names: any words with a letter, each the start of a word of the registration.
 */
export interface RegisterReadings {
  readonly certificateNumbers: readonly string[];
  readonly account: string | null;
  readonly tinLast4: string | null;
  readonly postalCode: string | null;
  readonly nameWords: readonly string[];
}

const CERTIFICATE_PREFIX = 'RT';
const NUMBER_DIGITS = 6;

export function readQuery(query: string): RegisterReadings {
  const typed = query.trim();
  const compact = typed.replace(/\s+/g, '');
  const certificate = /^([A-Za-z]{1,4})-?(\d{1,9})$/.exec(compact);
  const digitsOnly = /^\d{1,6}$/.test(compact) ? compact : null;
  const certificateNumbers = certificate
    ? [`${certificate[1]!.toUpperCase()}-${certificate[2]!.padStart(NUMBER_DIGITS, '0')}`]
    : digitsOnly
      ? [`${CERTIFICATE_PREFIX}-${digitsOnly.padStart(NUMBER_DIGITS, '0')}`]
      : [];
  const masked = /^(?:x{3}-?x{2}-?|x{2}-?x{3})(\d{4})$/i.exec(compact);
  const tinLast4 = /^\d{4}$/.test(compact) ? compact : (masked?.[1] ?? null);
  const postalCode = /^\d{5}(?:-\d{4})?$/.test(compact) ? compact : null;
  const account = typed.length > 0 && typed.length <= 64 && !/\s/.test(typed) && !masked ? typed : null;
  const nameWords = /\p{L}/u.test(typed) && !masked ? queryWords(typed) : [];
  return { certificateNumbers, account, tinLast4, postalCode, nameWords };
}

/** The register's answers to a query, certificates first, then holders; at most `limit`. */
export async function findRegister(r: ReadRepos, query: string, limit: number): Promise<FoundItem[]> {
  const readings = readQuery(query);
  const programs = new Map<number, ProgramRecord | undefined>();
  const programOf = async (id: number) => {
    if (!programs.has(id)) programs.set(id, await r.programs.byId(id));
    return programs.get(id);
  };
  const items: FoundItem[] = [];
  for (const number of readings.certificateNumbers) {
    for (const c of await r.certificates.byNumber(number)) {
      const program = await programOf(c.programId);
      items.push({ kind: 'certificate', id: c.id, programId: c.programId, account: c.account, title: `Certificate ${c.number}`, detail: `${program?.name ?? 'program'} · class ${c.class || '—'} · account ${c.account}${c.held ? ' · held (§9)' : ''}` });
    }
  }
  const seen = new Set<number>();
  const add = async (entries: readonly RegisterEntryRecord[], how: string) => {
    for (const e of entries) {
      if (seen.has(e.id) || items.length >= limit) continue;
      seen.add(e.id);
      const program = await programOf(e.programId);
      const name = e.registration.filter((l) => l !== '').join(' ');
      const place = [e.city, e.state, e.postalCode].filter((p) => p !== '').join(' ');
      items.push({
        kind: 'holder',
        id: e.id,
        programId: e.programId,
        account: e.account,
        title: name,
        detail: `${how} · account ${e.account}${e.class ? ` · class ${e.class}` : ''} · ${place || e.country} · TIN ${maskTin(e.tinType, e.tinLast4)} · ${program?.name ?? 'program'}`,
      });
    }
  };
  const ask = (q: RegisterQuery) => r.register.find(q, limit);
  if (readings.account !== null) {
    await add(await ask({ account: readings.account }), 'Account');
    if (readings.account.toUpperCase() !== readings.account) await add(await ask({ account: readings.account.toUpperCase() }), 'Account');
  }
  if (readings.tinLast4 !== null) await add(await ask({ tinLast4: readings.tinLast4 }), 'TIN last four');
  if (readings.postalCode !== null) await add(await ask({ postalCode: readings.postalCode }), 'Postal code');
  if (readings.nameWords.length > 0) await add(await ask({ nameWords: readings.nameWords }), 'Name');
  return items.slice(0, limit);
}
