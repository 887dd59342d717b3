import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium } from './harness';

// The e2e tests count on axe finding nothing serious; this shows that it would find something.
describe('the axe check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports a serious violation on a page that has one, and none on a clean page', async () => {
    const context = await browser.newContext(); // axe-core/playwright works on a page of an explicit context
    const page = await context.newPage();
    await page.setContent('<html lang="en"><head><title>t</title></head><body><main><label>Name <input></label><input type="text"></main></body></html>');
    expect((await seriousViolations(page)).join('\n')).toMatch(/^label \(critical\)/m);
    await page.setContent('<html lang="en"><head><title>t</title></head><body><main><h1>Fine</h1><label>Name <input></label></main></body></html>');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
