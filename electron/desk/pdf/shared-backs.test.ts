import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from '../testing/pdf-tools';
import { sampleFace } from '../testing/certificate-face-fixture';
import { tempDir } from '../testing/temp';
import type { CertificateFace } from './certificate-doc';
import { certificatesPdfBuffer, writeCertificatesPdf } from './render';

let out: ReturnType<typeof tempDir>;
beforeEach(() => {
  out = tempDir('shared-backs-');
});
afterEach(() => out.cleanup());

const base = sampleFace();

/** Every kind of certificate the bulk run prints: each class, a held one, a replacement, in an order that changes back twice. */
const mixed: CertificateFace[] = [
  base,
  { ...base, number: 'RT-000002', registration: ['Nguyễn Văn An', '', '', ''] },
  { ...base, number: 'RT-000003', classCode: 'B', colour: 'GREEN', underlyingShares: '12500' },
  { ...base, number: 'RT-000004', classCode: 'C', colour: 'RED', oversubscriptionOnly: true, firmRights: 0 },
  { ...base, number: 'RT-000005', held: true, address: ['12 Rue de Rivoli', '75001 Paris', 'FRANCE'] },
  { ...base, number: 'RT-000006', classCode: 'T', colour: 'YELLOW', transferable: true },
  { ...base, number: 'RT-000007', replacement: { replaces: 'RT-000001', issuedOn: 'December 1, 2003' } },
];

/** Each page as pixels (pdftoppm, 100 dpi, PPM): `name-N.ppm` → bytes. */
function pixels(file: string, name: string): Buffer[] {
  execFileSync('pdftoppm', ['-r', '100', file, out.file(name)]);
  return readdirSync(out.dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'))
    .sort()
    .map((f) => readFileSync(out.file(f)));
}

/** How many form XObjects the file carries (object dictionaries are not compressed). */
const forms = (file: string): number => readFileSync(file).toString('latin1').match(/\/Subtype \/Form/g)?.length ?? 0;

/** Every page of `streamed` is pixel for pixel the page of `whole`, and there are `count`. */
function expectSamePages(streamed: string, whole: string, count: number): void {
  const ours = pixels(streamed, 'ours');
  const pdfmakes = pixels(whole, 'pdfmake');
  expect(ours).toHaveLength(count);
  expect(pdfmakes).toHaveLength(count);
  ours.forEach((page, i) => expect(page.equals(pdfmakes[i]!), `page ${i + 1}`).toBe(true));
}

/** The same certificates as a bulk file (in batches of `batch`) and as pdfmake's own whole document. */
async function bothWays(faces: readonly CertificateFace[], batch: number, name = 'run'): Promise<{ streamed: string; whole: string }> {
  const streamed = out.file(`${name}-streamed.pdf`);
  const batches = Array.from({ length: Math.ceil(faces.length / batch) }, (_, i) => faces.slice(i * batch, (i + 1) * batch));
  await writeCertificatesPdf(batches, streamed, 'Certificates');
  const whole = out.file(`${name}-whole.pdf`);
  writeFileSync(whole, await certificatesPdfBuffer(faces, 'Certificates'));
  return { streamed, whole };
}

describe('a bulk file draws each back from a form shared by the certificates of its class', () => {
  it('prints every page exactly as pdfmake draws the whole document, pixel for pixel', async () => {
    const { streamed, whole } = await bothWays(mixed, 3);
    expect(pdfPages(streamed)).toBe(14);
    expectSamePages(streamed, whole, 14);
    // The text of the backs is in the file (what a search of the PDF, or a screen reader, reads).
    const text = pdfText(streamed);
    expect(text).toContain('FORM OF ELECTION TO EXERCISE CLASS B RIGHTS');
    expect(text).toContain('ASSIGNMENT OF RIGHTS');
    expect(text).toContain('XO COMMUNICATIONS, INC. — RT-000007');
  }, 60_000);

  it('carries one form per different back, once in the file however many certificates use it', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...base, number: `RT-${String(i + 1).padStart(6, '0')}` }));
    const { streamed, whole } = await bothWays(many, 25);
    expect(forms(streamed)).toBe(1);
    expect(forms(whole)).toBe(0);
    expect(readFileSync(streamed).length).toBeLessThan(readFileSync(whole).length * 0.7);
    expect(pdfText(streamed).match(/FORM OF ELECTION TO EXERCISE CLASS A RIGHTS/g)).toHaveLength(40);

    const { streamed: kinds } = await bothWays(mixed, 25, 'kinds');
    expect(forms(kinds)).toBe(4); // classes A, B, C and the transferable class
  }, 60_000);

  it('lays a batch out whole, as pdfmake does, when a back does not fit its plan (a first line that wraps)', async () => {
    const long = { ...base, issuer: 'The Extraordinarily Long-Named Consolidated Holdings and Communications Company of North America, Inc.' };
    const faces = [long, { ...long, number: 'RT-000002' }];
    const { streamed, whole } = await bothWays(faces, 2);
    expect(forms(streamed)).toBe(0);
    expectSamePages(streamed, whole, 4);
  }, 60_000);
});
