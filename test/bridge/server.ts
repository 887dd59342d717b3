import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { openDesk, type Desk } from '../../electron/desk/desk';
import { rendererDist } from './build-renderer';
import { shimSource } from './shim';

export interface BridgeOptions {
  readonly bookPath: string;
  /** 'open' (the default) needs an existing book; 'create' makes a fresh one, refused where one exists. */
  readonly mode?: 'open' | 'create';
  readonly prefsPath: string;
  /** Where Back up… writes (main would ask with a dialog). */
  readonly backupDir: string;
  /** The desk's clock; tests move it to reach the idle lock. */
  readonly now?: () => Date;
  /** The idle lock's monotonic clock in milliseconds; tests move it to reach the lock. */
  readonly idleClock?: () => number;
  /** Minutes without a call after which the desk locks the session (the desk's default otherwise). */
  readonly idleLockMinutes?: number;
  /** Built renderer to serve; defaults to renderer/dist. */
  readonly rendererDir?: string;
  /** Milliseconds a channel's answer is held back: a slow lookup on a loaded machine, for tests of keys typed meanwhile. */
  readonly delays?: Readonly<Record<string, number>>;
}

export interface Bridge {
  readonly url: string;
  readonly token: string;
  readonly desk: Desk;
  /** The book the desk opened (a file's path or a database's URL). */
  readonly bookPath: string;
  /** What Restore… will open next (main would ask with a dialog); null = the user cancels. */
  setOpenPath(file: string | null): void;
  /** Unexpected errors the desk logged (main would write them to its log). */
  readonly loggedErrors: readonly { error: unknown; channel: string }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};
const MAX_BODY = 1_048_576;

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
};
const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json', JSON.stringify(value));

const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const sameToken = (given: string | string[] | undefined, token: string): boolean => {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
};

/** The page, with the shim loaded as a file (the CSP forbids inline scripts) before the app. */
export function withShim(html: string, token: string): string {
  const tag = `<script src="./desk-shim.js?t=${token}"></script>\n    `;
  const at = html.indexOf('<script');
  if (at === -1) throw new Error('The built index.html has no script tag');
  return html.slice(0, at) + tag + html.slice(at);
}

/**
 * A test-only stand-in for Electron's main process: the real desk (services and handler table)
 * behind HTTP on 127.0.0.1, for the built renderer in an ordinary Chromium.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const dist = path.resolve(options.rendererDir ?? rendererDist);
  const loggedErrors: { error: unknown; channel: string }[] = [];
  let openPath: string | null = null;

  const desk = await openDesk({
    bookPath: options.bookPath,
    mode: options.mode ?? 'open',
    prefsPath: options.prefsPath,
    host: {
      chooseSavePath: async ({ defaultName }) => path.join(options.backupDir, defaultName),
      chooseOpenPath: async () => openPath,
      // Print runs go beside the backups: a folder the test owns.
      chooseFolder: async () => options.backupDir,
      // The browser route has no keychain: an office password is never kept.
      sealSecret: () => null,
      unsealSecret: () => null,
      logError: (error, context) => {
        loggedErrors.push({ error, channel: context.channel });
        console.error(`[bridge] unexpected error on ${context.channel}:`, error);
      },
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.idleClock ? { idleClock: options.idleClock } : {}),
    ...(options.idleLockMinutes !== undefined ? { idleLockMinutes: options.idleLockMinutes } : {}),
  });

  let expectedHost = '';

  // Change notices go to every page listening (Server-Sent Events), as main sends them to its window.
  const listeners = new Set<ServerResponse>();
  const stopAnnouncing = desk.onChanged((notice) => {
    for (const res of listeners) res.write(`data: ${JSON.stringify(notice)}\n\n`);
  });
  // Jobs' progress goes the same way, as events named "job" (main pushes them to its window too).
  const stopJobs = desk.onJob((job) => {
    for (const res of listeners) res.write(`event: job\ndata: ${JSON.stringify(job)}\n\n`);
  });
  const handleChanges = (token_: string | null, req: IncomingMessage, res: ServerResponse) => {
    if (!sameToken(token_ ?? undefined, token)) return send(res, 403, 'text/plain', 'Bad or missing token');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.write(': listening\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  };

  const handleInvoke = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameToken(req.headers['x-desk-token'], token)) return sendJson(res, 403, { error: 'Bad or missing token' });
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { error: 'Request too large' });
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: 'The request is not JSON' });
    }
    const { channel, input } = (call ?? {}) as { channel?: unknown; input?: unknown };
    const delay = options.delays?.[String(channel)] ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      sendJson(res, 200, await desk.dispatch(channel, input ?? {}));
    } catch (error) {
      loggedErrors.push({ error, channel: String(channel) });
      console.error('[bridge] dispatch threw:', error);
      sendJson(res, 200, { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error; see the log.' } });
    }
  };

  const handleFile = async (pathname: string, res: ServerResponse) => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = path.resolve(dist, relative);
    if (!file.startsWith(dist + path.sep)) return send(res, 404, 'text/plain', 'Not found');
    const content = await readFile(file).catch(() => null);
    if (!content) return send(res, 404, 'text/plain', 'Not found');
    if (relative === 'index.html') return send(res, 200, TYPES['.html']!, withShim(content.toString('utf8'), token));
    send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', content);
  };

  const server = createServer((req, res) => {
    // Only the page we served talks to us: refuse other host names (DNS rebinding).
    if (req.headers.host !== expectedHost) return send(res, 421, 'text/plain', 'Wrong host');
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    const work =
      req.method === 'POST' && url.pathname === '/invoke'
        ? handleInvoke(req, res)
        : req.method !== 'GET'
          ? Promise.resolve(send(res, 405, 'text/plain', 'Method not allowed'))
          : url.pathname === '/changes'
            ? Promise.resolve(handleChanges(url.searchParams.get('t'), req, res))
            : url.pathname === '/desk-shim.js'
            ? Promise.resolve(
                sameToken(url.searchParams.get('t') ?? undefined, token)
                  ? send(res, 200, TYPES['.js']!, shimSource(token))
                  : send(res, 403, 'text/plain', 'Bad or missing token'),
              )
            : handleFile(url.pathname, res);
    work.catch((error: unknown) => {
      console.error('[bridge] request failed:', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;

  return {
    url: `http://${expectedHost}/`,
    token,
    desk,
    bookPath: options.bookPath,
    setOpenPath: (file) => {
      openPath = file;
    },
    loggedErrors,
    close: async () => {
      stopAnnouncing();
      stopJobs();
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await desk.close();
    },
  };
}
