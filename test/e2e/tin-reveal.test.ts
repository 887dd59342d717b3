// A supervisor reveals one holder's TIN from the holder page, keyboard only, with a reason that
// goes to the journal; a clerk is not offered it. The register comes in through the real import.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { ADMIN, areaPrograms, CLERK, focusedLabel, key, launchChromium, must, signInWithKeys, type DeskPage } from './harness';
import { closeProgramDesk, openProgramDesk, tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2002-11-15' };
const CSV = [
  'account,registration1,registration2,registration3,registration4,address1,address2,city,state,postal_code,country,tin,tin_type,class,units,nominee,plan_shares',
  'X-1,ZOFIA ŁÓDŹ-NOWAK,,,,1 Main St,,Springfield,IL,62701,US,123-45-6789,SSN,A,1000,,0',
].join('\r\n');

describe('a supervisor reveals a TIN, with a reason', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ desk } = await openProgramDesk(browser, {
      program: XO,
      terms: XO_TERMS_JSON,
      tinKeyByte: 9,
      openPath: (folder) => {
        const file = path.join(folder, 'register.csv');
        writeFileSync(file, CSV);
        return file;
      },
      more: async (bridge, programId) => {
        await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
        const { fileToken } = (await must(bridge, 'register.chooseFile', {})) as { fileToken: string };
        const { jobId } = (await must(bridge, 'register.startImport', { programId, fileToken, layout: { spec: { format: 'csv' } }, goodRowsOnly: false, dryRun: false })) as { jobId: number };
        expect((await bridge.desk.whenFinished(jobId)).state).toBe('done');
      },
    }));
  });
  afterAll(() => closeProgramDesk(desk, browser));

  const openHolder = async () => {
    const { page } = desk;
    await areaPrograms(page, 'Control+2', 'Register', 1);
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Register, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'ZOFIA ŁÓDŹ-NOWAK', level: 2 }).waitFor();
  };

  it('offers a clerk no way to see the full TIN', async () => {
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await openHolder();
    expect(await page.locator('.holder dl.facts').innerText()).toContain('XXX-XX-6789 (SSN)');
    expect(await page.getByRole('button', { name: 'Reveal TIN…' }).count()).toBe(0);
    await key(page, '', 'Escape'); // back to the register
    await expect.poll(() => focusedLabel(page)).toBe('Register, 1');
    await key(page, '', 'Escape'); // back to the programs
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await page.getByRole('button', { name: 'Sign out' }).press('Enter');
  });

  it('shows it to a supervisor for a minute once a reason is given, and journals who and why', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await openHolder();
    await tabTo(desk, 'Reveal TIN…');
    await key(page, '', 'Enter');
    await page.getByRole('dialog', { name: 'TIN of account X-1' }).waitFor();
    expect(await focusedLabel(page)).toBe('Reason for revealing the TIN');
    await key(page, 'why', 'Enter');
    await page.getByText(/^Reason for revealing the TIN: say why in a few words/).waitFor();
    await page.getByLabel('Reason for revealing the TIN').fill('');
    await key(page, 'Holder called to confirm the TIN on a 1099-B', 'Enter');
    await expect.poll(() => page.getByLabel('Full TIN').innerText()).toBe('123-45-6789');
    await page.getByText(/^Hidden again in \d+ s, or when this window closes\.$/).waitFor();
    await desk.shot('63-tin-revealed');
    await key(page, '', 'Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('.holder').innerText()).not.toContain('123-45-6789');
    const found = (await must(desk.bridge, 'journal.search', { filter: { action: 'tin.revealed' }, offset: 0, limit: 5 })) as { rows: { username: string; payload: Record<string, unknown> }[] };
    expect(found.rows).toEqual([expect.objectContaining({ username: ADMIN.username, payload: expect.objectContaining({ account: 'X-1', last4: '6789', reason: 'Holder called to confirm the TIN on a 1099-B' }) })]);
    expect(JSON.stringify(found)).not.toContain('123-45-6789');
  });

  it('raised no console error, page error, CSP violation or serious axe finding', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
