import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export interface FileLog {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

/**
 * A plain-text log in the user-data folder for what a clerk must not see (stack traces).
 * Synchronous on purpose: it is written rarely and must survive an imminent crash or quit.
 * One previous file is kept (`<name>.1`) once the log passes `maxBytes`. Logging never throws.
 */
export function openFileLog(file: string, options: { maxBytes?: number; now?: () => Date } = {}): FileLog {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const now = options.now ?? (() => new Date());

  const write = (level: string, message: string, error?: unknown): void => {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      if (sizeOf(file) > maxBytes) renameSync(file, `${file}.1`);
      const detail = error === undefined ? '' : `\n${describe(error)}`;
      appendFileSync(file, `${now().toISOString()} ${level} ${message}${detail}\n`, 'utf8');
    } catch {
      // Nowhere left to report to; the app must carry on.
    }
  };

  return {
    error: (message, error) => write('ERROR', message, error),
    info: (message) => write('INFO', message),
  };
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

const describe = (error: unknown): string => {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').map((l) => `  ${l}`).join('\n');
  return `  ${String(error)}`;
};
