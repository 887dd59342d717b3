import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, repoRoot } from './build-renderer';

describe('serve:browser', () => {
  it('refuses a file that is not a book with its message alone, and exits non-zero', async () => {
    await ensureRendererBuilt(); // so the command below only opens the book
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-serve-'));
    try {
      const book = path.join(dir, 'notes.book');
      writeFileSync(book, 'not a book at all\n');
      const run = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['test/bridge/serve.ts', '--book', book], { cwd: repoRoot, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe('The book "notes.book" was refused: it is not a SQLite database, so not an Offering Desk book. The file was left as it was.');
      expect(run.stdout).not.toContain('test bridge on');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
