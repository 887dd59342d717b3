import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureRendererBuilt, repoRoot } from '../bridge/build-renderer';
import { startBridge, type Bridge, type BridgeOptions } from '../bridge/server';
import { seriousViolations } from './axe';

export const SCREENSHOTS = path.join(repoRoot, 'test', 'output', 'screenshots');

/** Debian's chromium; the tests fail (never skip) without it. */
export function chromiumPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    throw new Error(
      "Debian's chromium is not installed, and the end-to-end tests need it: run `apt-get install -y chromium` (as root), then run the tests again.",
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  await ensureRendererBuilt();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface DeskPage {
  readonly page: Page;
  readonly bridge: Bridge;
  /** Console errors and warnings, page errors and failed requests (a CSP violation shows here). */
  readonly problems: string[];
  /** Saves test/output/screenshots/<name>.png, and records axe's serious and critical findings on it in `problems`. */
  shot(name: string): Promise<void>;
  /** Another browser context on the same bridge (the same desk and book): a second window on the book. */
  secondPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface DeskPageOptions extends Partial<Pick<BridgeOptions, 'now' | 'idleClock' | 'idleLockMinutes' | 'delays'>> {
  /** Runs against the desk before the page opens (e.g. to create users). */
  readonly seed?: (bridge: Bridge) => Promise<void>;
  /** Installs Playwright's fake clock in the page before the app starts. */
  readonly fakePageClock?: boolean;
  /** Works on the book file before the desk opens it (e.g. grows a long journal). */
  readonly prepareBook?: (bookPath: string) => Promise<void>;
}

/** A fresh book, the bridge in front of it, and a page on the app. */
export async function openDeskPage(browser: Browser, options: DeskPageOptions = {}): Promise<DeskPage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
  const bookPath = path.join(dir, 'test.book');
  await options.prepareBook?.(bookPath);
  const bridge = await startBridge({
    bookPath,
    // A fresh book is made explicitly; one prepared above is opened as it is.
    mode: existsSync(bookPath) ? 'open' : 'create',
    prefsPath: path.join(dir, 'prefs.json'),
    backupDir: dir,
    ...(options.now ? { now: options.now } : {}),
    ...(options.idleClock ? { idleClock: options.idleClock } : {}),
    ...(options.idleLockMinutes !== undefined ? { idleLockMinutes: options.idleLockMinutes } : {}),
    ...(options.delays ? { delays: options.delays } : {}),
  });
  await options.seed?.(bridge);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  if (options.fakePageClock) await page.clock.install();
  await page.goto(bridge.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const contexts = [context];
  return {
    page,
    bridge,
    problems,
    shot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
      // Every screen worth a screenshot is checked by axe too; what it finds counts as a problem.
      for (const violation of await seriousViolations(page)) problems.push(`axe on ${name}: ${violation}`);
    },
    secondPage: async () => {
      const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(other);
      const second = await other.newPage();
      second.on('pageerror', (e) => problems.push(`page error (second page): ${e.message}`));
      await second.goto(bridge.url);
      return second;
    },
    close: async () => {
      for (const c of contexts) await c.close();
      await bridge.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the desk directly, failing loudly if it refuses: for setting the scene, not for testing. */
export async function must(bridge: Bridge, channel: string, input: unknown): Promise<unknown> {
  const result = await bridge.desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export const ADMIN = { username: 'ada', displayName: 'Ada Lovelace', password: 'analytical-engine-1843' };
export const CLERK = { username: 'carl', displayName: 'Carl Clerk', password: 'keying-all-day-42' };
export const SUPERVISOR = { username: 'sam', displayName: 'Sam Supervisor', password: 'four-eyes-check-7' };
export const APPLE = { kind: 'rights-offering', name: 'Apple rights 2024', issuer: 'Apple Inc.', cusip: '037833100', recordDate: '2024-03-15' };

/** A book with an administrator, a clerk and one program; nobody signed in. */
export async function seedBook(bridge: Bridge): Promise<void> {
  await must(bridge, 'session.createFirstAdmin', ADMIN);
  await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
  await must(bridge, 'programs.create', APPLE);
  await must(bridge, 'session.signOut', {});
}

/**
 * Goes to an area by its key (e.g. Control+2, heading "Register") and waits for its list of
 * programs to take the focus. The area's heading first: the home area's list is labelled
 * "Programs" too, and a key sent before the new area is drawn would reach that one.
 */
export async function areaPrograms(page: Page, shortcut: string, heading: string, programs: number): Promise<void> {
  await page.keyboard.press(shortcut);
  await page.getByRole('heading', { name: heading, exact: true, level: 2 }).waitFor();
  await expect.poll(() => focusedLabel(page)).toBe(`Programs, ${programs}`);
}

/** Types into the focused element, then presses the keys given (e.g. Tab, Enter). */
export async function key(page: Page, text: string, ...then: string[]): Promise<void> {
  if (text) await page.keyboard.type(text);
  for (const k of then) await page.keyboard.press(k);
}

/** The little of the page's DOM the helpers below read (this file compiles without the DOM library). */
interface PageGlobals {
  readonly document: {
    readonly activeElement: { readonly id: string; readonly textContent: string | null; getAttribute(name: string): string | null } | null;
    querySelector(selector: string): { readonly textContent: string | null } | null;
  };
  readonly __deskTest: { command(name: string): number };
}

/** The accessible name / label of the focused element, for asserting where the focus is. */
export const focusedLabel = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const el = document.activeElement;
    if (!el) return '';
    const byLabel = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (byLabel ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

export async function signInWithKeys(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await key(page, who.username, 'Tab');
  await key(page, who.password, 'Enter');
}

/** Plays a menu command as Electron's menu would send it. */
export const menuCommand = (page: Page, name: string): Promise<number> =>
  page.evaluate((n) => (globalThis as unknown as PageGlobals).__deskTest.command(n), name);

/** The status line's text. */
export const statusText = async (page: Page): Promise<string> => (await page.getByRole('status').textContent()) ?? '';
