import type { RegisterEntryView } from '../../../../shared/ipc/register-types';

/** Decimal text with thousands grouped ("250000.5" → "250,000.5"); the text is never turned into a float. */
export function groupDecimal(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** The registration lines in use, as one name. */
export const nameOf = (e: Pick<RegisterEntryView, 'registration'>): string => e.registration.filter((line) => line !== '').join(' ');

/** "Springfield, IL 62701" (and the country when not US). */
export function placeOf(e: Pick<RegisterEntryView, 'city' | 'state' | 'postalCode' | 'country'>): string {
  const tail = [e.state, e.postalCode].filter((p) => p !== '').join(' ');
  const place = [e.city, tail].filter((p) => p !== '').join(', ');
  return e.country === 'US' ? place : `${place} (${e.country})`;
}

/** A class as a clerk reads it: an odd-lot program's blank class is "—". */
export const classLabel = (code: string): string => (code === '' ? '—' : code);
