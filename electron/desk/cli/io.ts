/** What a command may touch of the outside world; tests pass their own. */
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
