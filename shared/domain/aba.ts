/**
 * ABA routing transit numbers: nine digits whose last is a check digit. The rule (the American
 * Bankers Association's, as the Federal Reserve applies it): weights 3, 7, 1 repeated over the
 * nine digits, and the weighted sum is a multiple of ten —
 *   3·(d1 + d4 + d7) + 7·(d2 + d5 + d8) + (d3 + d6 + d9) ≡ 0 (mod 10).
 * One place for the rule: the election form and the payments screens both check with it.
 */

export const ABA_PATTERN = /^\d{9}$/;

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/** The weighted sum of nine digits (no check on their count). */
function weightedSum(digits: string): number {
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += (digits.charCodeAt(k) - 48) * WEIGHTS[k]!;
  return sum;
}

/** True when `routing` is nine digits whose check digit is right. */
export function isValidAbaRouting(routing: unknown): boolean {
  return typeof routing === 'string' && ABA_PATTERN.test(routing) && weightedSum(routing) % 10 === 0;
}

/** The check digit (ninth) that completes an eight-digit routing prefix. */
export function abaCheckDigit(prefix: string): string {
  if (!/^\d{8}$/.test(prefix)) throw new RangeError(`An ABA routing prefix is eight digits, not ${JSON.stringify(prefix)}`);
  const partial = weightedSum(`${prefix}0`);
  return String((10 - (partial % 10)) % 10);
}

/** What is wrong with a keyed routing number, in words naming the field; null when it is right. */
export function abaRoutingProblem(routing: string, label = 'ABA routing number'): string | null {
  if (!/^\d*$/.test(routing)) return `${label}: digits only (nine of them)`;
  if (routing.length !== 9) return `${label}: nine digits are needed, ${routing.length} were typed`;
  if (!isValidAbaRouting(routing)) return `${label}: ${routing} fails its check digit (the last digit should be ${abaCheckDigit(routing.slice(0, 8))}) — check it against the check`;
  return null;
}
