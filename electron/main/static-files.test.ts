import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppFile } from './static-files';

const root = path.resolve('/srv/renderer/dist');

describe('resolveAppFile', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://desk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://desk/fonts/Noto%20Sans.ttf')).toBe(path.join(root, 'fonts', 'Noto Sans.ttf'));
    expect(resolveAppFile(root, 'app://desk/')).toBe(path.join(root, 'index.html'));
  });

  it.each(['app://desk/../../etc/passwd', 'app://desk/%2e%2e/%2e%2e/etc/passwd', 'app://desk/assets/%2E%2E/%2E%2E/secret'])(
    'keeps %s inside the folder (the URL parser already resolved the dots)',
    (url) => {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
      expect(file).not.toContain('..');
    },
  );

  it.each([
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/..%5c..%5cwindows%5cwin.ini',
    'app://desk/assets%5c..%5c..%5csecret',
    'app://desk/index.html%00.png',
    'app://desk/C:%2fWindows%2fwin.ini',
    'app://desk/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces and never lets the browser guess', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
