import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/desk/store/open-store';
import { growJournal } from '../../electron/desk/testing/long-journal';
import { seriousViolations } from './axe';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, seedBook, signInWithKeys, type DeskPage } from './harness';

const JOURNAL = 100_000;

/** The text of the first cell of the grid's focused row. */
const focusedRowFirstCell = (page: Page, grid: string): Promise<string> =>
  page.getByRole('grid', { name: new RegExp(grid) }).locator('tr[aria-selected="true"] td').first().innerText();

const noSeriousViolations = async (page: Page, screen: string) => {
  expect(await seriousViolations(page), screen).toEqual([]);
};

// The frame: areas by keys with a history, the one grid over a long journal, data kept fresh by pushes, axe on each screen.
describe('the frame, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let entries = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      prepareBook: async (bookPath) => {
        const store = await openStore(bookPath, { now: () => new Date() });
        await growJournal(store, JOURNAL);
        await store.close();
      },
      seed: seedBook,
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('starts in the content after sign-in, with a skip link as the first Tab stop', async () => {
    const { page } = desk;
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await noSeriousViolations(page, 'sign in');
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    entries = ((await must(desk.bridge, 'book.info', {})) as { journalEntries: number }).journalEntries;
    await page.getByRole('button', { name: 'Lock' }).focus(); // the first control of the header
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel(page)).toBe('Skip to content');
    await desk.shot('50-skip-link');
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('Programs');
    await noSeriousViolations(page, 'setup: programs');
  });

  it('goes across areas and back with Ctrl+digit and Alt+Left / Alt+Right, each area where it was left', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+k');
    await key(page, 'apple');
    await page.getByRole('option', { name: /Apple rights 2024/ }).waitFor(); // the find box has its programs
    await page.keyboard.press('Enter');
    const detail = page.getByRole('heading', { name: 'Apple rights 2024', level: 2 });
    await detail.waitFor();
    await noSeriousViolations(page, 'setup: program detail');
    await page.keyboard.press('Control+0');
    await page.getByRole('heading', { name: 'Journal' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Verify journal');
    await noSeriousViolations(page, 'audit');
    await page.keyboard.press('Alt+ArrowLeft'); // back to the program
    await detail.waitFor();
    await page.keyboard.press('Alt+ArrowLeft'); // back to the list of programs
    await page.getByRole('heading', { name: 'Programs', level: 2 }).waitFor();
    expect(await detail.isVisible()).toBe(false);
    await page.keyboard.press('Alt+ArrowRight');
    await detail.waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => focusedLabel(page)).toBe('Verify journal');
    await page.keyboard.press('Control+1'); // Setup as it was left: on the program
    await detail.waitFor();
    await page.keyboard.press('Control+9'); // an area not built yet: Close
    await page.getByText('Close: not available yet.').waitFor();
    await noSeriousViolations(page, 'close (not built)');
    await page.keyboard.press('Control+1');
    await detail.waitFor();
    await page.keyboard.press('Escape'); // back to the list, which takes the focus
    await expect.poll(() => focusedLabel(page)).toMatch(/^Programs, 1$/);
  });

  it(`moves through a ${JOURNAL.toLocaleString('en-US')}-entry journal with the keys: End is entry 1, Home the newest`, async () => {
    const { page } = desk;
    await page.keyboard.press('Control+0');
    await expect.poll(() => focusedLabel(page)).toBe('Verify journal');
    // Past Export and the filter to the grid.
    for (let i = 0; i < 20 && !(await focusedLabel(page)).startsWith('Journal entries'); i++) await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe(`Journal entries, newest first, ${entries.toLocaleString('en-US')}`);
    await expect.poll(() => focusedRowFirstCell(page, 'Journal')).toBe(String(entries));
    expect(await page.locator('table.journal tbody tr[aria-rowindex]').count()).toBeLessThan(100); // only a window is in the page

    const started = Date.now();
    await page.keyboard.press('End');
    await expect.poll(() => focusedRowFirstCell(page, 'Journal')).toBe('1');
    const endMs = Date.now() - started;
    expect(await page.locator('.audit .grid-position').innerText()).toBe(`Row ${entries.toLocaleString('en-US')} of ${entries.toLocaleString('en-US')}`);
    await desk.shot('51-journal-end');
    await key(page, '', 'ArrowUp', 'ArrowUp', 'PageUp');
    await expect.poll(() => focusedRowFirstCell(page, 'Journal')).toMatch(/^\d+$/);
    expect(Number(await focusedRowFirstCell(page, 'Journal'))).toBeGreaterThan(3);
    await page.keyboard.press('Home');
    await expect.poll(() => focusedRowFirstCell(page, 'Journal')).toBe(String(entries));
    expect(await page.getByRole('grid', { name: /Journal/ }).getAttribute('aria-rowcount')).toBe(String(entries + 1));
    await noSeriousViolations(page, 'audit: long journal');
    console.log(JSON.stringify({ figure: 'journal End to entry 1 shown', entries, ms: endMs }));
  });

  it('shows a program created on one page on a second page on the same desk within a second, without reload', async () => {
    const { page } = desk;
    const second = await desk.secondPage();
    await second.getByRole('banner').getByText(ADMIN.displayName).waitFor(); // the same desk: already signed in
    const names = second.getByRole('grid', { name: /Programs/ }).locator('tbody tr[aria-rowindex] td:first-child');
    await expect.poll(() => names.allInnerTexts()).toEqual(['Apple rights 2024']);

    await page.keyboard.press('Control+1');
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Shift+Tab', 'Enter'); // New program
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    await key(page, 'o', 'Tab');
    await key(page, 'Microsoft odd-lot', 'Tab');
    await key(page, 'Microsoft Corp.', 'Tab');
    await key(page, '594918 10 4', 'Tab'); // as printed on the paper, in groups
    expect(await page.getByLabel('CUSIP', { exact: true }).inputValue()).toBe('594918104');
    await key(page, '040124');
    await noSeriousViolations(page, 'setup: new program form');
    const saved = Date.now();
    await page.keyboard.press('Enter');
    await expect.poll(() => names.allInnerTexts(), { timeout: 1_000, interval: 20 }).toContain('Microsoft odd-lot');
    console.log(JSON.stringify({ figure: 'program on the second page after save', ms: Date.now() - saved }));
    await noSeriousViolations(second, 'second page: programs');
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
