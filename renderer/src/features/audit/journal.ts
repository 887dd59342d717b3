import type { JournalVerification } from '../../../../shared/ipc/types';

export function describeVerification(v: JournalVerification): string {
  const count = `${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}`;
  if (v.ok) return `Journal verified: ${count}, every hash and link holds.`;
  if (v.firstBroken) return `Journal broken at entry ${v.firstBroken.seq}: ${v.firstBroken.reason} (${count} checked).`;
  return `Journal does not verify (${count} checked).`;
}

const readable = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(readable).join(', ')}]`;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? `${k}: {${readable(v)}}` : `${k}: ${readable(v)}`))
      .join(', ');
  }
  return String(value);
};

/** A short, readable line of an entry's details (no JSON quoting); long ones are cut. */
export function payloadSummary(payload: unknown, max = 160): string {
  const text = readable(payload);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
