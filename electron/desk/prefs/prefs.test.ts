import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_BOOKS, openPrefs } from './prefs';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'desk-prefs-'));
  file = path.join(folder, 'preferences.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const onDisk = async (): Promise<Record<string, unknown>> => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('openPrefs', () => {
  it('starts from defaults when there is no file, without creating one', async () => {
    const prefs = await openPrefs(file);
    expect(prefs.get()).toEqual({ density: 'comfortable', printer: null, recentBooks: [] });
    expect(prefs.getWindowBounds()).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes an update to disk and a new store reads it back', async () => {
    const prefs = await openPrefs(file);
    const updated = await prefs.update({ density: 'compact', printer: 'Front office laser' });
    expect(updated).toEqual({ density: 'compact', printer: 'Front office laser', recentBooks: [] });
    expect(await onDisk()).toMatchObject({ density: 'compact', printer: 'Front office laser' });

    const again = await openPrefs(file);
    expect(again.get()).toEqual(updated);
  });

  it('changes only the fields in the patch; null clears the printer', async () => {
    const prefs = await openPrefs(file);
    await prefs.update({ density: 'compact', printer: 'P1' });
    expect(await prefs.update({ printer: null })).toEqual({ density: 'compact', printer: null, recentBooks: [] });
  });

  it('rejects a patch outside the schema and leaves the file alone', async () => {
    const prefs = await openPrefs(file);
    await prefs.update({ density: 'compact' });
    await expect(prefs.update({ density: 'tiny' as 'compact' })).rejects.toThrow();
    expect((await onDisk()).density).toBe('compact');
  });

  it('keeps recent books most recent first, without duplicates, at most ten', async () => {
    const prefs = await openPrefs(file);
    for (let i = 1; i <= 12; i++) await prefs.addRecentBook(`/books/${i}.book`);
    await prefs.addRecentBook('/books/5.book');
    const recent = prefs.get().recentBooks;
    expect(recent).toHaveLength(MAX_RECENT_BOOKS);
    expect(recent.slice(0, 3)).toEqual(['/books/5.book', '/books/12.book', '/books/11.book']);
    expect(new Set(recent).size).toBe(recent.length);
    expect(recent).not.toContain('/books/1.book');
  });

  it('remembers window bounds', async () => {
    const prefs = await openPrefs(file);
    await prefs.setWindowBounds({ x: 10, y: 20, width: 1280, height: 800, maximized: true });
    expect((await openPrefs(file)).getWindowBounds()).toEqual({ x: 10, y: 20, width: 1280, height: 800, maximized: true });
  });

  it('does not lose a change made through another store on the same file', async () => {
    const desk = await openPrefs(file);
    const shell = await openPrefs(file);
    await desk.update({ density: 'compact' });
    await shell.setWindowBounds({ x: 0, y: 0, width: 900, height: 700, maximized: false });
    await Promise.all([desk.update({ printer: 'P2' }), shell.addRecentBook('/b/main.book')]);
    const read = await openPrefs(file);
    expect(read.get()).toEqual({ density: 'compact', printer: 'P2', recentBooks: ['/b/main.book'] });
    expect(read.getWindowBounds()).toMatchObject({ width: 900, height: 700 });
  });

  it('leaves no temporary files behind after writing', async () => {
    const prefs = await openPrefs(file);
    await prefs.update({ density: 'compact' });
    await prefs.addRecentBook('/x.book');
    expect(await readdir(folder)).toEqual(['preferences.json']);
  });

  it('sets a file that is not JSON aside and starts from defaults', async () => {
    await writeFile(file, '{"density": "compact", ', 'utf8');
    const prefs = await openPrefs(file);
    expect(prefs.get()).toEqual({ density: 'comfortable', printer: null, recentBooks: [] });
    const names = await readdir(folder);
    const aside = names.filter((n) => /^preferences\.json\.corrupt-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.test(n));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(folder, aside[0]!), 'utf8')).toBe('{"density": "compact", ');
    expect(names).not.toContain('preferences.json');

    await prefs.update({ density: 'compact' });
    expect((await onDisk()).density).toBe('compact');
  });

  it('sets a JSON file of the wrong shape aside', async () => {
    await writeFile(file, JSON.stringify({ density: 'huge', recentBooks: 'not a list' }), 'utf8');
    const prefs = await openPrefs(file);
    expect(prefs.get().density).toBe('comfortable');
    expect((await readdir(folder)).some((n) => n.startsWith('preferences.json.corrupt-'))).toBe(true);
  });

  it('fills fields missing from an older file with defaults instead of discarding it', async () => {
    await writeFile(file, JSON.stringify({ printer: 'Back room' }), 'utf8');
    const prefs = await openPrefs(file);
    expect(prefs.get()).toEqual({ density: 'comfortable', printer: 'Back room', recentBooks: [] });
    expect(await readdir(folder)).toEqual(['preferences.json']);
  });

  it('survives a prefs path that cannot be read as a file', async () => {
    await mkdir(file); // a folder where the file should be: reading fails with EISDIR
    const prefs = await openPrefs(file);
    expect(prefs.get().density).toBe('comfortable');
    expect((await readdir(folder)).some((n) => n.startsWith('preferences.json.corrupt-'))).toBe(true);
  });
});
