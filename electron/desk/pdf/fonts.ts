/**
 * The one font certificates are printed in: DejaVu Sans, a TrueType font with the Latin
 * Extended and Vietnamese letters holders' names carry (Łódź-Nowak, Müller, Nguyễn). It is
 * embedded in every PDF (pdfmake subsets it), so a print shop's machine needs no font of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const FONT_NAME = 'DejaVuSans';

const FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italics: 'DejaVuSans-Oblique.ttf', bolditalics: 'DejaVuSans-BoldOblique.ttf' } as const;

export type FontFiles = Readonly<Record<keyof typeof FILES, Buffer>>;

let loaded: FontFiles | null = null;

/** Where the font files are: the installed dejavu-fonts-ttf package. */
export function fontFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The font's four faces, read once per thread. */
export function fontFiles(): FontFiles {
  if (loaded) return loaded;
  const dir = fontFolder();
  loaded = {
    normal: readFileSync(path.join(dir, FILES.normal)),
    bold: readFileSync(path.join(dir, FILES.bold)),
    italics: readFileSync(path.join(dir, FILES.italics)),
    bolditalics: readFileSync(path.join(dir, FILES.bolditalics)),
  };
  return loaded;
}

/** The names pdfmake's virtual file system knows the faces by. */
export const VIRTUAL_FONT_FILES = FILES;
