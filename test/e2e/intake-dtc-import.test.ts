import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DtcInstructionView } from '../../shared/ipc/intake-more';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { openEnvelope, rightsIntakeBook } from '../../electron/desk/testing/intake-more-fixture';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const HEADER = 'voi_number,participant_number,participant_name,certificate,rights_surrendered,basic_shares,oversubscription_shares,amount,settled,certified';

// A DTC instruction file imported from the screen: a job in a worker, followed in the status bar,
// its result read once it is done.
describe('a DTC instruction file imported as a job, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let programId = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
        try {
          const rights = await rightsIntakeBook(store, { supervisor: admin });
          programId = rights.programId;
          await openEnvelope(store, rights, '2003-12-01T10:15', 'dtc');
        } finally {
          await store.close();
        }
        await must(bridge, 'session.signOut', {});
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('imports every instruction of the file into the envelope chosen', async () => {
    const { page } = desk;
    const file = path.join(path.dirname(desk.bridge.bookPath), 'asop-20031201.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `V-${String(i + 1).padStart(4, '0')},0352,Example Securities LLC,RT-000008,10,10,0,50.00,Y,N`);
    writeFileSync(file, [HEADER, ...rows, ''].join('\r\n'));
    desk.bridge.setOpenPath(file);
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await key(page, '', 'Control+4');
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: /^Intake · / }).waitFor();
    await tabTo(desk, 'Envelope for the file');
    await key(page, '', 'ArrowDown', 'Tab');
    expect(await focusedLabel(page)).toBe('Choose the file and import…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/300 instructions imported from asop-20031201\.csv/);
    const listed = (await must(desk.bridge, 'dtc.list', { programId })) as DtcInstructionView[];
    expect(listed).toHaveLength(300);
    expect(desk.problems).toEqual([]);
  });
});
