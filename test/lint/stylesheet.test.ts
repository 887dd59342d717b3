import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Vite passes a stylesheet with an unclosed rule through without a word, and every rule after it
// is then silently lost (it once hid the audit trail's and the column mapping's layouts). Counting
// braces outside comments and strings is enough to catch that; no CSS parser is a dependency here.
const sheet = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer', 'src', 'styles', 'app.css');

function unclosedAt(css: string): number | null {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/'[^'\n]*'|"[^"\n]*"/g, (s) => ' '.repeat(s.length));
  let depth = 0;
  let line = 1;
  let opened: number[] = [];
  for (const ch of bare) {
    if (ch === '\n') line += 1;
    else if (ch === '{') {
      depth += 1;
      opened.push(line);
    }
    else if (ch === '}') {
      depth -= 1;
      opened = opened.slice(0, -1);
      if (depth < 0) return line;
      // A rule opened inside a rule (no nesting is used here) means the outer one was never closed.
      if (depth > 1) return opened[0] ?? line;
    }
  }
  return depth === 0 ? null : (opened[0] ?? line);
}

describe('the stylesheet', () => {
  it('closes every rule it opens', () => {
    expect(unclosedAt(readFileSync(sheet, 'utf8'))).toBeNull();
  });

  it('the check finds a rule left open', () => {
    expect(unclosedAt('a {\n  color: red;\n\nb {\n  color: blue;\n}\n')).toBe(1);
    expect(unclosedAt("a::before { content: '{'; }\n/* { */")).toBeNull();
  });
});
