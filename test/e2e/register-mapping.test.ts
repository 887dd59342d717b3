import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, areaPrograms, focusedLabel, key, launchChromium, signInWithKeys, statusText, type DeskPage } from './harness';
import { closeProgramDesk, openProgramDesk, tabTo } from './program-desk';

const ODD_LOT = { kind: 'odd-lot', name: 'Acme odd-lot 2026', issuer: 'Acme Corp.', cusip: '037833100', recordDate: '2026-02-27' };
const ODD_LOT_TERMS = { kind: 'odd-lot', processingFeePerShare: '0.65', roundLot: 100, recordDate: '2026-02-27', expiresAt: '2026-04-10T17:00', excludedJurisdictions: [], planSharesExcluded: true, backupWithholdingRate: '0.24' };
// The issuer's own names for two columns: "Acct No" for account, "Shares" for units.
const HEADER = 'Acct No,registration1,registration2,registration3,registration4,address1,address2,city,state,postal_code,country,tin,tin_type,class,Shares,nominee,plan_shares';
const CSV = [HEADER, 'A-1,JANE DOE,,,,1 Main St,,Springfield,IL,62701,US,123-45-6789,SSN,,50,,0', 'A-2,JOHN SMITH,,,,3 Main St,,Boston,MA,02108,US,,NONE,,70,,0'].join('\r\n');

// An issuer's file whose header names are its own: mapped on the screen, saved as its layout, imported.
describe('mapping an issuer file\'s columns on the screen, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  const file = path.join(os.tmpdir(), `register-mapping-${process.pid}.csv`);

  beforeAll(async () => {
    writeFileSync(file, CSV);
    browser = await launchChromium();
    ({ desk } = await openProgramDesk(browser, { program: ODD_LOT, terms: ODD_LOT_TERMS, tinKeyByte: 9, openPath: file }));
  });
  afterAll(() => closeProgramDesk(desk, browser));

  it('maps the two columns the file names its own way, saves the layout, and imports', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await areaPrograms(page, 'Control+2', 'Register', 1);
    await key(page, '', 'Enter');
    await page.getByText('No register yet for this program').waitFor();
    await tabTo(desk, 'Choose the register file…');
    await key(page, '', 'Enter');
    await page.getByText(/register-mapping-\d+\.csv/).waitFor();
    await tabTo(desk, 'Layout');
    await key(page, 'The columns');
    await page.getByRole('group', { name: /^Map the columns/ }).waitFor();
    // Every column the file names as the contract does is already mapped; account and units are not.
    expect(await page.getByLabel('account', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('registration1', { exact: true }).inputValue()).toBe('registration1');
    await tabTo(desk, 'account');
    await key(page, 'Acct');
    await tabTo(desk, 'units');
    await key(page, 'Shares');
    expect(await page.getByLabel('account', { exact: true }).inputValue()).toBe('Acct No');
    expect(await page.getByLabel('units', { exact: true }).inputValue()).toBe('Shares');
    await tabTo(desk, 'Save as the layout named');
    await key(page, 'Acme transfer agent file', 'Tab', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Layout "Acme transfer agent file" saved for Acme Corp\. \(version 1\)/);
    await desk.shot('72-register-mapping');
    await tabTo(desk, 'Import');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Imported 2 rows; 0 rejected/);
    expect(desk.problems).toEqual([]);
  });
});
