import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { ADMIN, areaPrograms, focusedLabel, key, launchChromium, SCREENSHOTS, signInWithKeys, statusText, type DeskPage } from './harness';
import { closeProgramDesk, openProgramDesk, tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2002-11-15' };
const HEADER = 'account,registration1,registration2,registration3,registration4,address1,address2,city,state,postal_code,country,tin,tin_type,class,units,nominee,plan_shares';
const GOOD = [
  'X-1,ZOFIA ŁÓDŹ-NOWAK,,,,1 Main St,,Springfield,IL,62701,US,123-45-6789,SSN,A,1000,,0',
  'X-2,HANS MÜLLER,,,,Hauptstraße 5,,Berlin,,10115,DE,,NONE,B,1234,,0',
  'X-3,NGUYỄN VĂN AN,,,,5 Elm St,,Houston,TX,77001-1234,US,12-3456789,EIN,C,10,,0',
];
const BAD = 'X-4,,,,,9 Oak St,,Austin,ZZ,787,US,000-12-3456,SSN,Q,12,,0';
const PNG_DIR = path.join(SCREENSHOTS, '..', 'certificates');

// A supervisor's day one with the XO offering, keyboard only: the register with its mistakes
// named, fixed and imported; certificates issued and printed; one page of each class looked at.
describe('from the register file to printed certificates, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ desk } = await openProgramDesk(browser, {
      program: XO,
      terms: XO_TERMS_JSON,
      tinKeyByte: 7,
      openPath: (folder) => {
        dir = folder;
        file = path.join(dir, 'xo-register.csv');
        writeFileSync(file, [HEADER, ...GOOD, BAD].join('\r\n'));
        return file;
      },
    }));
  });
  afterAll(() => closeProgramDesk(desk, browser));

  it('names every mistake of the file, then imports it once fixed', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await areaPrograms(page, 'Control+2', 'Register', 1);
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: `Register: ${XO.name}` }).waitFor();
    await page.getByText('No register yet for this program').waitFor();
    await tabTo(desk, 'Choose the register file…');
    await key(page, '', 'Enter');
    await page.getByText(/xo-register\.csv \(\d+ bytes, csv\)/).waitFor();
    await tabTo(desk, 'Check the file');
    await key(page, '', 'Enter');
    const problems = page.getByRole('grid', { name: /^Problems, \d+$/ });
    await problems.waitFor();
    const named = await problems.innerText();
    for (const code of ['MISSING_NAME', 'UNKNOWN_STATE', 'MALFORMED_POSTAL_CODE', 'MALFORMED_TIN', 'UNKNOWN_CLASS']) expect(named).toContain(code);
    expect(named).toMatch(/5\s+registration1\s+MISSING_NAME/);
    await desk.shot('70-xo-register-problems');

    // The file fixed (the bad row corrected) and chosen again: all or nothing, nothing left out.
    writeFileSync(file, [HEADER, ...GOOD, 'X-4,ANNA SCHMIDT,,,,9 Oak St,,Austin,TX,78701,US,,NONE,A,12,,0'].join('\r\n'));
    await tabTo(desk, 'Choose another file…', true);
    await key(page, '', 'Enter');
    await page.getByText(/xo-register\.csv \(\d+ bytes, csv\)/).waitFor();
    await tabTo(desk, 'Import');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Imported 4 rows; 0 rejected/);
  });

  it('issues the certificates and prints each class, one page of each looked at as an image', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+3');
    await expect.poll(() => focusedLabel(page)).toMatch(/^Programs, 1$/);
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: `Certificates: ${XO.name}` }).waitFor();
    await tabTo(desk, 'Issue certificates');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Issued 4 certificates \(RT-000001 to RT-000004\); 1 held, not mailed/);
    await tabTo(desk, 'Print certificates…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Done: Printed 4 certificates, 8 pages, in 3 files: /);
    await desk.shot('71-xo-printed');
    const names = (await statusText(page)).replace(/^.*files: /, '').replace(/\.$/, '').split(', ');
    mkdirSync(PNG_DIR, { recursive: true });
    for (const name of names) {
      const pdf = path.join(dir, name);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('CUSIP 983764 17 6');
      expect(text).toContain('VOID AFTER');
      const cls = /-([A-Z])-RT-/.exec(name)?.[1];
      if (cls === 'A') expect(text).toMatch(/ZOFIA ŁÓDŹ-NOWAK[\s\S]*ANNA SCHMIDT/);
      if (cls === 'B') expect(text).toContain('HANS MÜLLER');
      if (cls === 'C') expect(text).toMatch(/NGUYỄN VĂN AN[\s\S]*--1--|--1--[\s\S]*NGUYỄN VĂN AN/);
      // The face of the class's first certificate, kept with the e2e output to be looked at.
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(PNG_DIR, `class-${cls ?? 'x'}`)]);
      copyFileSync(pdf, path.join(PNG_DIR, name));
    }
    expect(names.map((n) => /-([A-Z])-RT-/.exec(n)?.[1]).sort()).toEqual(['A', 'B', 'C']);
    expect(desk.problems).toEqual([]);
  });
});
