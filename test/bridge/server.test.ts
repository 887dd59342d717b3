import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, withShim, type Bridge } from './server';

const call = (url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });

describe('test bridge', () => {
  let dir: string;
  let bridge: Bridge;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bridge-'));
    const dist = path.join(dir, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'export {};');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside');
    bridge = await startBridge({ bookPath: path.join(dir, 'b.book'), mode: 'create', prefsPath: path.join(dir, 'p.json'), backupDir: dir, rendererDir: dist });
  });
  afterAll(async () => {
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 at a random port', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the shim loaded before the app', async () => {
    const page = await call(bridge.url);
    expect(page.status).toBe(200);
    expect(page.body.indexOf(`desk-shim.js?t=${bridge.token}`)).toBeLessThan(page.body.indexOf('assets/app.js'));
  });

  it('serves the shim only with the token', async () => {
    expect((await call(`${bridge.url}desk-shim.js`)).status).toBe(403);
    const shim = await call(`${bridge.url}desk-shim.js?t=${bridge.token}`);
    expect(shim.status).toBe(200);
    expect(shim.body).toContain("'x-desk-token': token");
  });

  it('refuses a call without the right token', async () => {
    const body = JSON.stringify({ channel: 'session.status', input: {} });
    expect((await call(`${bridge.url}invoke`, { method: 'POST', body })).status).toBe(403);
    expect((await call(`${bridge.url}invoke`, { method: 'POST', body, headers: { 'x-desk-token': 'x'.repeat(48) } })).status).toBe(403);
  });

  it('answers a call with the desk result, and bad JSON with 400', async () => {
    const headers = { 'x-desk-token': bridge.token };
    const status = await call(`${bridge.url}invoke`, { method: 'POST', headers, body: JSON.stringify({ channel: 'session.status', input: {} }) });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { needsFirstAdmin: true, user: null } });
    const unknown = await call(`${bridge.url}invoke`, { method: 'POST', headers, body: JSON.stringify({ channel: 'no.such', input: {} }) });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((await call(`${bridge.url}invoke`, { method: 'POST', headers, body: '{not json' })).status).toBe(400);
  });

  it('streams change notices as Server-Sent Events, only with the token', async () => {
    expect((await call(`${bridge.url}changes`)).status).toBe(403);
    const heard = new Promise<string>((resolve, reject) => {
      const req = request(`${bridge.url}changes?t=${bridge.token}`, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          const event = /^data: (.*)$/m.exec(text);
          if (event) {
            resolve(event[1]!);
            req.destroy();
          }
        });
        // The stream is open once the comment line arrives: now make a change.
        res.once('data', () => void bridge.desk.dispatch('session.createFirstAdmin', { username: 'ada', displayName: 'Ada L', password: 'analytical-engine-1843' }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await heard)).toMatchObject({ action: expect.stringMatching(/^user\./), topics: expect.arrayContaining(['journal', 'users']) });
  });

  it('serves nothing outside the renderer folder and refuses other host names', async () => {
    expect((await call(`${bridge.url}..%2fsecret.txt`)).status).toBe(404);
    expect((await call(bridge.url, { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('refuses a page without a script tag to put the shim before', () => {
    expect(() => withShim('<html></html>', 't')).toThrow(/no script tag/);
  });
});
