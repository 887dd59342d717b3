/** CUSIP check digit (the ninth character), per the CUSIP Global Services algorithm. */
const charValue = (c: string): number | null => {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55; // A = 10
  if (c === '*') return 36;
  if (c === '@') return 37;
  if (c === '#') return 38;
  return null;
};

export function cusipCheckDigit(first8: string): number | null {
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = charValue(first8[i]!);
    if (value === null) return null;
    const weighted = i % 2 === 1 ? value * 2 : value;
    sum += Math.floor(weighted / 10) + (weighted % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a 9-character CUSIP's last digit matches its first eight. */
export function hasValidCusipCheckDigit(cusip: string): boolean {
  const upper = cusip.trim().toUpperCase();
  if (upper.length !== 9) return false;
  const expected = cusipCheckDigit(upper.slice(0, 8));
  return expected !== null && String(expected) === upper[8];
}
