/** Times as clerks key them, always New York wall time (the agreement's cutoffs are 5:00 p.m. NYC). */

/** A keyed time: `HHMM`, `HH:MM`, `5:00 pm`, `5pm` → `17:00`; null when it does not read. */
export function parseKeyedTime(text: string): string | null {
  const m = /^(\d{1,2}):?(\d{2})?\s*([ap])?\.?\s*m?\.?$/i.exec(text.trim());
  if (!m) return null;
  let hours = Number.parseInt(m[1]!, 10);
  const minutes = m[2] === undefined ? 0 : Number.parseInt(m[2], 10);
  const half = m[3]?.toLowerCase();
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export const normalizeKeyedTime = (text: string): string => parseKeyedTime(text) ?? text;

/** `17:00` → `5:00 p.m.` */
export function formatClock(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const h = Number.parseInt(m[1]!, 10);
  const twelve = h % 12 === 0 ? 12 : h % 12;
  return `${twelve}:${m[2]} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}
