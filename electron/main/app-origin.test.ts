import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts pages and assets of our origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://desk/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://desk/index.html#/intake')).toBe(true);
  });

  it.each([
    'https://desk/index.html',
    'file:///index.html',
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'app://desk:8080/index.html',
    'app://user:pw@desk/index.html',
    'http://localhost:5173/',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,<p>x</p>',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy: nothing by default, own scripts and styles, no network, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
