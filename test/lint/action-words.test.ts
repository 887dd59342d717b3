import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionWords, hasActionWords } from '../../shared/ipc/action-words';

// Every journal action the desk writes reads as words in the audit trail: the actions are
// found where they are written — `change(actor, 'area.action', …)` — in the desk's own sources.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'electron', 'desk');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'testing' ? [] : sources(file);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [file] : [];
  });
}

const ACTION = `'([a-zA-Z]+\\.[a-zA-Z.]+)'`;
const WRITTEN = new RegExp([`\\.change\\(\\s*[^,]+,\\s*${ACTION}`, `action: ${ACTION}`, `action = [^;]*?${ACTION}[^;]*?${ACTION}`, `action = [^;]*?${ACTION}`].join('|'), 'g');

describe('journal actions in words', () => {
  it('has words for every action the desk writes', () => {
    const found = new Set<string>();
    for (const file of sources(root)) for (const m of readFileSync(file, 'utf8').matchAll(WRITTEN)) for (const action of m.slice(1)) if (action !== undefined) found.add(action);
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((action) => !hasActionWords(action)).sort()).toEqual([]);
  });

  it('reads an unknown action as its parts', () => {
    expect(actionWords('batch.closed')).toBe('Batch closed');
    expect(actionWords('certificates.mailingListExported')).toBe('Mailing list exported');
    expect(actionWords('election.reversedForCorrection')).toBe('Election reversed for correction');
  });
});
