export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** A command's expected failure: printed as one line on stderr, exit code 2 (or as given). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export type CliCommand = (args: readonly string[], io: CliIo) => Promise<number>;

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * Text from outside (file names, database messages, file contents) made safe for one line of a
 * terminal: control characters, line separators and backslashes escaped, so a crafted name can
 * neither break the line nor send the terminal escape sequences.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One line for stderr: the first line of several is kept, with how many were left out. */
export function oneLine(message: string): string {
  const lines = message.split(/\r?\n/).filter((l) => l.trim() !== '');
  const first = lines[0] ?? message;
  return lines.length > 1 ? `${escapeControl(first)} (and ${lines.length - 1} more ${lines.length === 2 ? 'line' : 'lines'})` : escapeControl(first);
}
