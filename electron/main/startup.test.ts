import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../../shared/ipc/result';
import { describeStartupFailure, resolveBookPath } from './startup';

const userData = path.resolve('/home/clerk/.config/Offering Desk');
const cwd = path.resolve('/work');

describe('resolveBookPath', () => {
  it('takes an office database\'s URL as it is, and the remembered book before the default', () => {
    const url = 'postgres://clerk@db.example:5432/desk?sslmode=require';
    expect(resolveBookPath(['x', `--book=${url}`], {}, '/home/u/.config/Offering Desk', '/work')).toEqual({ path: url, isDefault: false });
    expect(resolveBookPath(['x'], { OFFERING_DESK_BOOK: url }, '/u', '/work')).toEqual({ path: url, isDefault: false });
    expect(resolveBookPath(['x'], {}, '/u', '/work', '/books/last.book')).toEqual({ path: '/books/last.book', isDefault: false });
    expect(resolveBookPath(['x', '--book=a.book'], {}, '/u', '/work', '/books/last.book')).toEqual({ path: '/work/a.book', isDefault: false });
  });

  it('defaults to books/main.book in user data', () => {
    expect(resolveBookPath(['/opt/desk/offering-desk'], {}, userData, cwd)).toEqual({
      path: path.join(userData, 'books', 'main.book'),
      isDefault: true,
    });
  });

  it('takes OFFERING_DESK_BOOK over the default, relative to the working folder', () => {
    expect(resolveBookPath([], { OFFERING_DESK_BOOK: 'office.book' }, userData, cwd)).toEqual({ path: path.join(cwd, 'office.book'), isDefault: false });
    expect(resolveBookPath([], { OFFERING_DESK_BOOK: '  ' }, userData, cwd).isDefault).toBe(true);
  });

  it('takes --book=PATH or --book PATH over the environment', () => {
    const env = { OFFERING_DESK_BOOK: '/env.book' };
    expect(resolveBookPath(['electron', '.', '--book=/tmp/a.book'], env, userData, cwd).path).toBe(path.resolve('/tmp/a.book'));
    expect(resolveBookPath(['electron', 'main.cjs', '--book', 'b.book'], env, userData, cwd).path).toBe(path.join(cwd, 'b.book'));
  });

  it('ignores an empty or dangling --book', () => {
    expect(resolveBookPath(['--book='], {}, userData, cwd).isDefault).toBe(true);
    expect(resolveBookPath(['--book'], {}, userData, cwd).isDefault).toBe(true);
    expect(resolveBookPath(['--book', '--inspect'], {}, userData, cwd).isDefault).toBe(true);
  });
});

describe('describeStartupFailure', () => {
  it('explains a refused book in its own words and says the file is untouched', () => {
    const failure = describeStartupFailure(new DeskFailure('BOOK_REFUSED', 'This book was written by a newer version (schema 9).'), '/b/main.book');
    expect(failure.unexpected).toBe(false);
    expect(failure.title).toBe('Offering Desk cannot open this book');
    expect(failure.message).toContain('This book was written by a newer version (schema 9).');
    expect(failure.message).toContain('/b/main.book');
    expect(failure.message).toContain('has not been changed');
    // A mistyped --book: the way to a new book is named.
    expect(failure.message).toContain('File ▸ New book…');
    expect(failure.message).toContain('offering-desk init');
  });

  it('gives a plain message without internals for anything else', () => {
    const error = new Error('SQLITE_IOERR: disk I/O error at Statement.run');
    const failure = describeStartupFailure(error, '/b/main.book');
    expect(failure.unexpected).toBe(true);
    expect(failure.message).not.toContain('SQLITE');
    expect(failure.message).toContain('log file');
    expect(describeStartupFailure(new DeskFailure('INTERNAL', 'x'), '/b').unexpected).toBe(true);
  });
});
