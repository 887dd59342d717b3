import path from 'node:path';

export interface BookLocation {
  readonly path: string;
  /**
   * The default book under user data: its folder and the book itself may be created (the very
   * first start of a workstation). A book named by --book, OFFERING_DESK_BOOK or remembered from
   * the last run must exist: a mistyped path never makes a book.
   */
  readonly isDefault: boolean;
}

/**
 * `--book=PATH|URL` (or `--book PATH|URL`) wins over `OFFERING_DESK_BOOK`, which wins over the
 * book this workstation opened last (`remembered`), which wins over `<userData>/books/main.book`.
 * A postgres:// URL names an office database and is taken as it is.
 */
export function resolveBookPath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userData: string,
  cwd: string,
  remembered: string | null = null,
): BookLocation {
  const place = (given: string) => (/^postgres(ql)?:\/\//i.test(given) ? given : path.resolve(cwd, given));
  const fromArgs = bookArgument(argv);
  if (fromArgs !== null) return { path: place(fromArgs), isDefault: false };
  const fromEnv = env['OFFERING_DESK_BOOK'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { path: place(fromEnv), isDefault: false };
  if (remembered !== null) return { path: remembered, isDefault: false };
  return { path: path.join(userData, 'books', 'main.book'), isDefault: true };
}

function bookArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--book=') && arg.length > '--book='.length) return arg.slice('--book='.length);
    const next = argv[i + 1];
    if (arg === '--book' && next !== undefined && !next.startsWith('--')) return next;
  }
  return null;
}

export interface StartupFailure {
  readonly title: string;
  readonly message: string;
  /** Refusals are expected and explained to the user; anything else also goes to the log. */
  readonly unexpected: boolean;
}

/** What to tell the user when the desk cannot open, in words, never a stack trace. */
export function describeStartupFailure(error: unknown, bookPath: string): StartupFailure {
  if (isFailureWithCode(error, 'BOOK_REFUSED')) {
    return {
      title: 'Offering Desk cannot open this book',
      message: `${error.message}\n\nBook: ${bookPath}\n\nThe book has not been changed. Offering Desk will now close. To open another book, start it with --book=FILE (or a postgres:// address). To make a new book, choose File ▸ New book… or run \`offering-desk init FILE\`.`,
      unexpected: false,
    };
  }
  return {
    title: 'Offering Desk could not start',
    message: `Something unexpected stopped Offering Desk from opening the book.\n\nBook: ${bookPath}\n\nThe details are in the log file. Offering Desk will now close.`,
    unexpected: true,
  };
}

// By shape, not instanceof: the error may come from another copy of the class in a bundle.
const isFailureWithCode = (error: unknown, code: string): error is Error & { code: string } =>
  error instanceof Error && error.name === 'DeskFailure' && (error as { code?: unknown }).code === code;
