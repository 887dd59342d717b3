/**
 * Rights per certificate (§1b, §2b): firm rights are computed from the certificate's units and
 * rounded down to a whole number; no fractional rights are issued and no cash is paid in lieu.
 */
import { mulDiv } from './integers';
import { parseScaled, parseScaledNumber, pow10, MoneyError } from './money';

const MAX_SHARES = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * floor(units × firmRightsPerUnit), exactly. `units` is what is printed on the certificate
 * (class A: firm rights; class B: underlying common shares; class C: "1"); the per-unit rate
 * comes from the class ("1", "0.1", "0").
 */
export function firmRights(units: string, firmRightsPerUnit: string): number {
  const fast = firmRightsFast(units, firmRightsPerUnit);
  if (fast !== null) return fast;
  const u = parseScaled(units);
  const r = parseScaled(firmRightsPerUnit);
  const whole = (u.units * r.units) / pow10(u.scale + r.scale); // bigint division rounds down
  if (whole > MAX_SHARES) throw new MoneyError(`firm rights too large: ${whole.toString()}`);
  return Number(whole);
}

/**
 * A class's firm rights per unit, parsed once, for computing the firm rights of many
 * certificates quickly (exactly the same result as `firmRights`).
 */
export class FirmRightsRate {
  private readonly units: number;
  private readonly scale: number;
  private readonly exactNumber: boolean;

  constructor(readonly rate: string) {
    const r = parseScaledNumber(rate);
    this.exactNumber = r !== null && r.scale <= 9;
    this.units = r?.units ?? 0;
    this.scale = r?.scale ?? 0;
  }

  /** floor(units × rate); throws a MoneyError if the result is not a safe integer. */
  of(units: string): number {
    if (this.exactNumber) {
      // Digits of `units` read without allocating; falls back when it has more than 6 decimals or 15 digits.
      const n = units.length;
      let v = 0;
      let dot = -1;
      let ok = n > 0 && n <= 16;
      for (let k = 0; ok && k < n; k++) {
        const c = units.charCodeAt(k);
        if (c === 46 && dot < 0 && k > 0 && k < n - 1) dot = k;
        else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
        else ok = false;
      }
      const scale = dot < 0 ? 0 : n - dot - 1;
      if (ok && scale <= 6) return mulDiv(v, this.units, 10 ** (scale + this.scale));
    }
    return firmRights(units, this.rate);
  }
}

/** The same with JS numbers when every quantity is a safe integer (exact); null otherwise. */
function firmRightsFast(units: string, rate: string): number | null {
  const u = parseScaledNumber(units);
  const r = parseScaledNumber(rate);
  if (u === null || r === null || u.scale + r.scale > 15) return null;
  return mulDiv(u.units, r.units, 10 ** (u.scale + r.scale));
}

/**
 * §2b: a nominee's transferable certificate split by beneficial owner. Each owner gets the
 * rights it would have received as a holder of record, rounded down; the fractions are lost
 * (no cash in lieu), so the parts may add up to less than the whole.
 */
export function splitRights(holdings: readonly string[], firmRightsPerUnit: string): number[] {
  return holdings.map((units) => firmRights(units, firmRightsPerUnit));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Orders certificate numbers as a clerk reads them: runs of digits compare as numbers
 * ("RT-9" before "RT-10"), everything else character by character. Numbers that differ only
 * in leading zeros fall back to plain character order, so the order is total.
 */
export function compareCertificateNumbers(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      while (si < la && a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (sj < lb && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      while (ei < la && isDigit(a.charCodeAt(ei))) ei++;
      let ej = sj;
      while (ej < lb && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
    } else {
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
  }
  if (i < la || j < lb) return la - i - (lb - j);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * §2a/§2b: may a nominee's request to split a certificate by beneficial owner be honoured?
 * Subscription (non-transferable) certificates may never be split; transferable ones only on a
 * written request received by the cutoff (5:00 p.m. five business days before expiration).
 * Wall times compare as text only when both are in the same zone, which callers guarantee.
 */
export function splitRequestDecision(transferable: boolean, receivedAt: string, cutoff: string): 'allowed' | 'not-transferable' | 'too-late' {
  if (!transferable) return 'not-transferable';
  return receivedAt <= cutoff ? 'allowed' : 'too-late';
}

/**
 * §3: transferable certificates may be transferred, divided and combined until 5:00 p.m. on the
 * transferable rights expiration date; subscription certificates not at all. Wall times of one zone.
 */
export function transferDecision(transferable: boolean, receivedAt: string, transferableExpiresAt: string): 'allowed' | 'not-transferable' | 'too-late' {
  if (!transferable) return 'not-transferable';
  return receivedAt <= transferableExpiresAt ? 'allowed' : 'too-late';
}
