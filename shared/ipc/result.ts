/** The one error shape every channel returns for an expected failure. */
export type DeskErrorCode =
  | 'INVALID_INPUT' // the input did not match the channel's schema; `field` names the culprit
  | 'UNKNOWN_CHANNEL'
  | 'NOT_SIGNED_IN'
  | 'LOCKED' // the session is locked after idle time; unlock with the password
  | 'FORBIDDEN' // the signed-in role may not do this
  | 'BAD_CREDENTIALS'
  | 'NOT_FOUND'
  | 'CONFLICT' // e.g. a duplicate user name or program
  | 'BOOK_REFUSED' // a book or backup file that is corrupt, foreign or from a newer version
  | 'CANCELLED' // the user cancelled a dialog
  | 'INTERNAL'; // unexpected: logged in main, shown as a plain message

export interface DeskError {
  readonly code: DeskErrorCode;
  readonly message: string;
  readonly field?: string;
}

export type DeskResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskError };

export const ok = <T>(value: T): DeskResult<T> => ({ ok: true, value });
export const fail = (code: DeskErrorCode, message: string, field?: string): DeskResult<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Thrown inside services for an expected failure; the handler table turns it into a DeskResult. */
export class DeskFailure extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
