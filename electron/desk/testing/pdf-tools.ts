// Reading back the PDFs the desk writes with poppler's own tools: their text (pdftotext), their
// page count (pdfinfo) and pictures of their pages (pdftoppm), kept under test/output/ to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const pdfText = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(match[1]);
}

/** test/output/ at the project's root (git-ignored). */
export const outputFolder = (): string => {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/output');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** Pages `first`..`last` of `file` as PNGs named `<name>-<page>.png` in test/output/; returns the folder. */
export function pagesToPng(file: string, name: string, first = 1, last = first): string {
  const dir = outputFolder();
  execFileSync('pdftoppm', ['-r', '72', '-png', '-f', String(first), '-l', String(last), file, path.join(dir, name)]);
  return dir;
}
