/**
 * TIN rules of the register contract: SSN (9 digits, dashes optional as 123-45-6789; area not
 * 000, 666 or 900–999, group not 00, serial not 0000), ITIN (as an SSN, area 900–999), EIN
 * (9 digits, dashes optional as 12-3456789, prefix one the IRS assigns). A problem's message
 * never holds a whole 9-digit number (it may be someone's real TIN): only its last four.
 */
import type { TinType } from '../store/port-register';
import { EIN_PREFIXES } from './codes';

export const TIN_TYPES: readonly TinType[] = ['SSN', 'ITIN', 'EIN', 'NONE'];

export type TinCheck = { readonly ok: true; readonly digits: string | null } | { readonly ok: false; readonly message: string; readonly column: 'tin' | 'tin_type' };

const SSN_SHAPE = /^(?:\d{9}|\d{3}-\d{2}-\d{4})$/;
const EIN_SHAPE = /^(?:\d{9}|\d{2}-\d{7})$/;

/** XXX-XX-1234: how the desk shows any TIN. */
export const maskTin = (last4: string): string => `XXX-XX-${last4}`;

/** What a message may say of a TIN as typed: a 9-digit one only masked, anything else as typed (shortened). */
function shownTin(typed: string): string {
  const digits = typed.replace(/\D/g, '');
  if (digits.length === 9) return maskTin(digits.slice(5));
  return typed.length > 24 ? `${typed.slice(0, 23)}…` : typed;
}

const bad = (message: string, column: 'tin' | 'tin_type' = 'tin'): TinCheck => ({ ok: false, message, column });

export function checkTin(typeRaw: string, tinRaw: string): TinCheck {
  const type = typeRaw.trim().toUpperCase();
  const tin = tinRaw.trim();
  if (!(TIN_TYPES as readonly string[]).includes(type)) {
    return bad(type === '' ? 'TIN type is blank (SSN, ITIN, EIN or NONE)' : `TIN type "${shownTin(typeRaw.trim()).slice(0, 24)}" is not SSN, ITIN, EIN or NONE`, 'tin_type');
  }
  if (type === 'NONE') return tin === '' ? { ok: true, digits: null } : bad(`TIN ${shownTin(tin)} is given but the TIN type is NONE`);
  if (tin === '') return bad(`TIN is blank: a TIN type of ${type} needs one`);
  return type === 'EIN' ? checkEin(tin) : checkSsnLike(type as 'SSN' | 'ITIN', tin);
}

function checkSsnLike(type: 'SSN' | 'ITIN', tin: string): TinCheck {
  const shown = shownTin(tin);
  if (!SSN_SHAPE.test(tin)) return bad(`TIN ${shown} is not a valid ${type} (9 digits${/\d{9}/.test(tin.replace(/-/g, '')) ? ', dashes as 123-45-6789' : ''})`);
  const digits = tin.replace(/-/g, '');
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (type === 'ITIN' && area < 900) return bad(`TIN ${shown} is not a valid ITIN (an ITIN begins with 9)`);
  if (type === 'SSN' && (area === 0 || area === 666 || area >= 900)) {
    return bad(`TIN ${shown} is not a valid SSN (an SSN never begins with ${digits.slice(0, 3)}${area >= 900 ? '; 9xx is an ITIN' : ''})`);
  }
  if (group === '00') return bad(`TIN ${shown} is not a valid ${type} (its middle two digits are 00)`);
  if (serial === '0000') return bad(`TIN ${shown} is not a valid ${type} (its last four digits are 0000)`);
  return { ok: true, digits };
}

function checkEin(tin: string): TinCheck {
  const shown = shownTin(tin);
  if (!EIN_SHAPE.test(tin)) return bad(`TIN ${shown} is not a valid EIN (9 digits${/^\d{9}$/.test(tin.replace(/-/g, '')) ? ', dashes as 12-3456789' : ''})`);
  const digits = tin.replace(/-/g, '');
  if (!EIN_PREFIXES.has(digits.slice(0, 2))) return bad(`TIN ${shown} is not a valid EIN (the IRS assigns no EIN beginning with ${digits.slice(0, 2)})`);
  return { ok: true, digits };
}
