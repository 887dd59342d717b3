import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, areaPrograms, focusedLabel, key, launchChromium, signInWithKeys, statusText, type DeskPage } from './harness';
import { closeProgramDesk, openProgramDesk } from './program-desk';

const ODD_LOT = { kind: 'odd-lot', name: 'Acme odd-lot 2026', issuer: 'Acme Corp.', cusip: '037833100', recordDate: '2026-02-27' };
const ODD_LOT_TERMS = { kind: 'odd-lot', processingFeePerShare: '0.65', roundLot: 100, recordDate: '2026-02-27', expiresAt: '2026-04-10T17:00', excludedJurisdictions: [], planSharesExcluded: true, backupWithholdingRate: '0.24' };
const HEADER = 'account,registration1,registration2,registration3,registration4,address1,address2,city,state,postal_code,country,tin,tin_type,class,units,nominee,plan_shares';
const CSV = [
  HEADER,
  'A-1,JANE DOE,,,,1 Main St,,Springfield,IL,62701,US,123-45-6789,SSN,,50,,0',
  'A-2,RICHARD ROE,,,,2 Main St,,Springfield,IL,62701-1234,US,000-12-3456,SSN,,60,,0',
  'A-3,JOHN SMITH,,,,3 Main St,,Boston,MA,02108,US,,NONE,,70,,0',
].join('\r\n');

// The import on the Register screen: main's dialog chooses the file, check first, the report, then import.
describe('importing a register from the screen, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  const file = path.join(os.tmpdir(), `register-e2e-${process.pid}.csv`);

  beforeAll(async () => {
    writeFileSync(file, CSV);
    browser = await launchChromium();
    ({ desk } = await openProgramDesk(browser, { program: ODD_LOT, terms: ODD_LOT_TERMS, tinKeyByte: 5, openPath: file }));
  });
  afterAll(() => closeProgramDesk(desk, browser));

  it('checks the file, shows its problems, then imports the good rows', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await areaPrograms(page, 'Control+2', 'Register', 1);
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Register: Acme odd-lot 2026' }).waitFor();
    await page.getByText('No register yet for this program').waitFor();
    for (let i = 0; i < 6 && (await focusedLabel(page)) !== 'Choose the register file…'; i++) await key(page, '', 'Tab');
    await key(page, '', 'Enter');
    await page.getByText(/register-e2e-\d+\.csv \(\d+ bytes, csv\)/).waitFor();
    expect(await page.locator('table.preview').innerText()).toContain('JANE DOE');
    for (let i = 0; i < 8 && (await focusedLabel(page)) !== 'Check the file'; i++) await key(page, '', 'Tab');
    await key(page, '', 'Enter');
    const problems = page.getByRole('grid', { name: 'Problems, 1' });
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(/3\s+tin\s+MALFORMED_TIN/);
    expect(await page.locator('.register-import p.import-result').innerText()).toBe(
      'Checked, nothing written: 3 rows, 1 rejected, 1 problem; 0 would be imported (any bad row refuses the whole file unless good rows only is chosen).',
    );
    await desk.shot('66-register-import-check');
    const goodRowsOnly = 'Import the good rows only (otherwise any bad row refuses the whole file)';
    for (let i = 0; i < 8 && (await focusedLabel(page)) !== goodRowsOnly; i++) await key(page, '', 'Shift+Tab');
    await key(page, ' ');
    expect(await page.getByLabel(goodRowsOnly).isChecked()).toBe(true);
    for (let i = 0; i < 4 && (await focusedLabel(page)) !== 'Import'; i++) await key(page, '', 'Tab');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Imported 2 rows; 1 rejected/);
    await page.getByRole('grid', { name: 'Register, 2' }).waitFor();
    expect(await page.getByRole('grid', { name: 'Register, 2' }).innerText()).toMatch(/A-1[\s\S]*XXX-XX-6789[\s\S]*A-3[\s\S]*none/);
    expect(desk.problems).toEqual([]);
  });
});
