// Intake scans the Code 128 barcode of the certificate number: printed certificates, turned into
// images at a scanner's resolution (pdftoppm -r 200), must read back the exact number of each
// certificate, in every class. Decoded by zbarimg (Debian's zbar-tools, which .ci/run installs),
// a decoder that knows nothing of how the desk drew the bars.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../store/port';
import { outputFolder, pdfPages } from '../testing/pdf-tools';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { tempDir } from '../testing/temp';
import { xoBookWithRegister } from '../testing/xo-register-fixture';
import { issueCertificates } from './certificates';
import { printCertificates } from './certificates-print';
import { actorOf } from './views';

/** zbarimg, or a failure that says how to get it (the test never skips). */
function zbarimg(): string {
  const found = spawnSync('sh', ['-c', 'command -v zbarimg'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error("zbarimg is not installed, and the barcode test needs it: run `apt-get install -y zbar-tools` (as root), then run the tests again.");
  return found;
}

/** Every Code 128 symbol zbarimg finds in the image, as "CODE-128:<text>" lines (none: an empty list). */
function scan(png: string): string[] {
  const run = spawnSync(zbarimg(), ['--quiet', '-Sdisable', '-Scode128.enable', png], { encoding: 'utf8' });
  // zbarimg exits 4 when it found no symbol: that is an answer here (an empty list), not an error.
  if (run.status !== 0 && run.status !== 4) throw new Error(`zbarimg failed on ${png}: ${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line !== '');
}

let kit: StoreKit;
let store: BookStore;
let out: ReturnType<typeof tempDir>;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  out = tempDir('certificates-barcode-');
});
afterEach(async () => {
  out.cleanup();
  await kit.cleanup();
});

describe('the certificate number barcode', () => {
  it('reads back the exact number from every printed face at 200 dpi, in each class', async () => {
    const book = await xoBookWithRegister(store);
    await issueCertificates(store, actorOf(book.supervisor), book.programId);
    const result = await printCertificates(store, actorOf(book.supervisor), book.programId, {}, out.dir);
    const classes = new Set<string>();
    const kept = path.join(outputFolder(), 'barcodes');
    mkdirSync(kept, { recursive: true });
    for (const file of result.files) {
      const cls = String(file.facts['class']);
      classes.add(cls);
      const pdf = out.file(file.name);
      const numbers = await store.read(async (r) => (await r.certificates.list(book.programId, { class: cls }, 0, 100)).map((c) => c.number));
      expect(pdfPages(pdf)).toBe(numbers.length * 2); // a face and its back each
      // The faces only (odd pages): each one's barcode, and nothing else that scans.
      const pictures = out.file(`png-${cls}`);
      mkdirSync(pictures);
      execFileSync('pdftoppm', ['-r', '200', '-png', pdf, path.join(pictures, `class-${cls}`)]);
      const pages = readdirSync(pictures).filter((n) => n.startsWith(`class-${cls}-`)).sort();
      const faces = pages.filter((_, i) => i % 2 === 0);
      copyFileSync(path.join(pictures, faces[0] ?? ''), path.join(kept, `class-${cls}-face-200dpi.png`)); // to look at
      expect(faces.map((png) => scan(path.join(pictures, png)))).toEqual(numbers.map((n) => [`CODE-128:${n}`]));
      const backs = pages.filter((_, i) => i % 2 === 1);
      for (const png of backs) expect(scan(path.join(pictures, png))).toEqual([]);
    }
    expect([...classes].sort()).toEqual(['A', 'B', 'C', 'T']);
  });
});
