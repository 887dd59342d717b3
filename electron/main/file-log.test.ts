import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileLog } from './file-log';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'desk-log-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const at = () => new Date('2026-03-02T14:05:00.000Z');

describe('openFileLog', () => {
  it('appends timestamped lines with the stack of an error, creating the folder', async () => {
    const file = path.join(folder, 'logs', 'desk.log');
    const log = openFileLog(file, { now: at });
    log.info('started');
    log.error('dispatch failed', new TypeError('boom'));
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('2026-03-02T14:05:00.000Z INFO started\n2026-03-02T14:05:00.000Z ERROR dispatch failed\n  TypeError: boom\n')).toBe(true);
    expect(text).toMatch(/\n {2}\s*at /);
  });

  it('keeps one previous file once the log grows past its limit', async () => {
    const file = path.join(folder, 'desk.log');
    await writeFile(file, 'x'.repeat(200));
    openFileLog(file, { maxBytes: 100, now: at }).info('fresh');
    expect(await readFile(file, 'utf8')).toBe('2026-03-02T14:05:00.000Z INFO fresh\n');
    expect((await stat(`${file}.1`)).size).toBe(200);
  });

  it('never throws, even when it cannot write', () => {
    const log = openFileLog(path.join(folder, 'no\0such', 'desk.log'));
    expect(() => log.error('lost', 'not an Error')).not.toThrow();
  });
});
