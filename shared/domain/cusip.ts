/**
 * CUSIP check digit: the standard modulus-10 "double-add-double" over the first eight
 * characters. Digits count as themselves, letters A–Z as 10–35, and `*`, `@`, `#` as 36–38;
 * every second character (positions 2, 4, 6, 8) is doubled, then the digits of each value are summed.
 */
const CUSIP_BODY = /^[0-9A-Z*@#]{8}$/;
const CUSIP_FULL = /^[0-9A-Z*@#]{8}[0-9]$/;

function characterValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0–9
  if (code >= 65 && code <= 90) return code - 55; // A=10 … Z=35
  if (ch === '*') return 36;
  if (ch === '@') return 37;
  if (ch === '#') return 38;
  throw new RangeError(`Not a CUSIP character: ${ch}`);
}

/** The check digit ('0'–'9') for the first eight characters of a CUSIP (upper case). */
export function cusipCheckDigit(first8: string): string {
  if (!CUSIP_BODY.test(first8)) throw new RangeError('A CUSIP body is 8 characters: digits, upper-case letters, *, @ or #');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    let v = characterValue(first8.charAt(i));
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

/** True when `s` is nine CUSIP characters whose last one is the right check digit. */
export function isValidCusip(s: string): boolean {
  return CUSIP_FULL.test(s) && cusipCheckDigit(s.slice(0, 8)) === s.charAt(8);
}
