/**
 * ABA routing transit numbers (the nine digits at the left of a check's MICR line). The ninth
 * digit is a check digit: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10.
 */

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/** Nine digits whose check digit is right. */
export function isAbaRouting(text: string): boolean {
  if (!/^\d{9}$/.test(text)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * (text.charCodeAt(i) - 48);
  return sum % 10 === 0;
}

/** What is wrong with a keyed routing number, in words; null when it is a valid one. */
export function abaRoutingProblem(text: string): string | null {
  if (!/^\d+$/.test(text)) return 'type the 9 digits of the routing number, e.g. 021000021';
  if (text.length !== 9) return `a routing number has 9 digits, ${text.length} were typed`;
  if (!isAbaRouting(text)) return `${text} is not a valid routing number (its check digit is wrong): check the digits against the check`;
  return null;
}
