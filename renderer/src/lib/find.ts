import type { ProgramSummary } from '../../../shared/ipc/types';

/** Programs whose name, issuer or CUSIP contains every word of the query, best matches first. */
export function findPrograms(programs: readonly ProgramSummary[], query: string, limit = 20): ProgramSummary[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return programs.slice(0, limit);
  const rank = (p: ProgramSummary): number => {
    const cusip = p.cusip.toLowerCase();
    const name = p.name.toLowerCase();
    const text = `${name} ${p.issuer.toLowerCase()} ${cusip}`;
    if (!words.every((w) => text.includes(w))) return -1;
    if (words.length === 1 && cusip.startsWith(words[0]!)) return 3;
    if (name.startsWith(words[0]!)) return 2;
    return 1;
  };
  return programs
    .map((p) => ({ p, score: rank(p) }))
    .filter((r) => r.score >= 0)
    .sort((a, b) => b.score - a.score || a.p.name.localeCompare(b.p.name))
    .slice(0, limit)
    .map((r) => r.p);
}
