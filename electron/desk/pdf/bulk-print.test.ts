import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from '../testing/pdf-tools';
import { sampleFace } from '../testing/certificate-face-fixture';
import { tempDir } from '../testing/temp';
import { MAX_CERTIFICATES_PER_FILE, MAX_PAGES_PER_FILE, printFiles, type PlannedFile } from './bulk-print';
import type { CertificatesFileWritten, PrintCertificatesInput, PrintCertificatesOutput, PrintCertificatesProgress } from '../workers/print-certificates';
import { runJob } from '../workers/run-job';
import type { CertificateFace } from './certificate-doc';

let out: ReturnType<typeof tempDir>;
beforeEach(() => {
  out = tempDir('bulk-print-');
});
afterEach(() => out.cleanup());

const face = (n: number): CertificateFace => sampleFace({ number: `RT-${String(n).padStart(6, '0')}`, firmRights: n, registration: [`Holder Łódź-Nowak ${n}`, '', '', ''] });

/** Files of at most MAX_CERTIFICATES_PER_FILE of `count` certificates, as the print service plans them. */
async function* plan(count: number, perFile = MAX_CERTIFICATES_PER_FILE): AsyncGenerator<PlannedFile> {
  for (let first = 1; first <= count; first += perFile) {
    const last = Math.min(count, first + perFile - 1);
    const faces = Array.from({ length: last - first + 1 }, (_, i) => face(first + i));
    yield { name: `A-${faces[0]?.number}-${faces.at(-1)?.number}.pdf`, title: 'bench', faces, facts: { first: first, last } };
  }
}

describe('printFiles', () => {
  it('splits a run at 1,000 pages a file', async () => {
    expect(MAX_PAGES_PER_FILE).toBe(1_000);
    let reported = 0;
    const files = await printFiles(out.dir, plan(501), { workers: 2, onPages: (p) => (reported = Math.max(reported, p)) });
    expect(files.map((f) => [f.name, f.pages, f.certificates])).toEqual([
      ['A-RT-000001-RT-000500.pdf', 1_000, 500],
      ['A-RT-000501-RT-000501.pdf', 2, 1],
    ]);
    expect(pdfPages(out.file('A-RT-000001-RT-000500.pdf'))).toBe(1_000);
    expect(pdfText(out.file('A-RT-000501-RT-000501.pdf'))).toContain('Holder Łódź-Nowak 501');
    expect(reported).toBe(1_002);
    expect(readdirSync(out.dir).sort()).toEqual(['A-RT-000001-RT-000500.pdf', 'A-RT-000501-RT-000501.pdf']);
  }, 240_000); // 1,002 real pages: about 10 s on an idle machine, much more on a loaded one

  it('writes file after file on one thread: the thread is fed the next file as it finishes the last', async () => {
    const files = ['one.pdf', 'two.pdf', 'three.pdf'];
    const heard: (CertificatesFileWritten | undefined)[] = [];
    const job = (name: string, first: number): PrintCertificatesInput => ({ file: out.file(name), title: name, faces: [face(first), face(first + 1)] });
    const queue = files.slice(1).map((name, i) => job(name, 3 + 2 * i));
    const done = await runJob<PrintCertificatesInput | null, PrintCertificatesOutput, PrintCertificatesProgress, PrintCertificatesInput, CertificatesFileWritten>('print-certificates', job('one.pdf', 1), {
      feed: async (finished) => {
        heard.push(finished);
        return queue.shift();
      },
    });
    expect(done).toEqual({ files: 3, pages: 12 });
    expect(heard).toEqual(files.map((name) => ({ file: out.file(name), pages: 4 })));
    expect(files.map((name) => pdfPages(out.file(name)))).toEqual([4, 4, 4]);
    expect(pdfText(out.file('three.pdf'))).toContain('Holder Łódź-Nowak 6');
  });

  it('never replaces a file already there: the run is refused and leaves nothing of its own', async () => {
    writeFileSync(out.file('A-RT-000003-RT-000004.pdf'), 'keep me');
    await expect(printFiles(out.dir, plan(6, 2), { workers: 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^A-RT-000003-RT-000004\.pdf already exists/) });
    expect(readdirSync(out.dir)).toEqual(['A-RT-000003-RT-000004.pdf']);
    expect(readFileSync(out.file('A-RT-000003-RT-000004.pdf'), 'utf8')).toBe('keep me');
  });
});
