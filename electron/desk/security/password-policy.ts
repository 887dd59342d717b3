import { DeskFailure } from '../../../shared/ipc/result';
import { isCommonPassword } from './common-passwords';

/**
 * What a new password must be beyond its schema (at least 12 characters, not only spaces —
 * shared/ipc/schemas.ts): not the user name nor containing it (in any case), and not a common
 * password (common-passwords.ts). Applies to every password that is set: the first
 * administrator's, a new user's, a reset's temporary one and a user's own change.
 * `label` and `field` name the field as the schema labels it ("New password", "newPassword").
 */
export function checkNewPassword(password: string, username: string, label: string, field: string): void {
  const refuse = (why: string) => new DeskFailure('INVALID_INPUT', `${label}: ${why}`, field);
  if (password.trim() === '') throw refuse('cannot be only spaces');
  const name = username.trim().toLowerCase();
  const typed = password.normalize('NFC').toLowerCase();
  if (name !== '' && (typed.includes(name) || typed.replace(/[\s._-]+/g, '').includes(name.replace(/[._-]+/g, '')))) {
    throw refuse('choose one that is not and does not contain the user name');
  }
  if (isCommonPassword(password)) throw refuse('this is one of the most common passwords (or made from one); choose another, e.g. a few unrelated words');
}
