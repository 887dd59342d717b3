import type { JournalEntryView, JournalVerification } from '../../../../shared/ipc/types';

export const newestFirst = (entries: readonly JournalEntryView[]): JournalEntryView[] => {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
};

export function describeVerification(v: JournalVerification): string {
  const count = `${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}`;
  if (v.ok) return `Journal verified: ${count}, every hash and link holds.`;
  if (v.firstBroken) return `Journal broken at entry ${v.firstBroken.seq}: ${v.firstBroken.reason} (${count} checked).`;
  return `Journal does not verify (${count} checked).`;
}

/** A short, readable line of an entry's details; long ones are cut. */
export function payloadSummary(payload: unknown, max = 160): string {
  if (payload === null || payload === undefined) return '';
  let text: string;
  if (typeof payload === 'object' && !Array.isArray(payload)) {
    text = Object.entries(payload as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(', ');
  } else text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
