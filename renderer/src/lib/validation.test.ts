import { describe, expect, it } from 'vitest';
import { cusipSchema, passwordSchema, usernameSchema } from '../../../shared/ipc/schemas';
import { allOf, checkWith, hasKeyedSomething, nameTheField, validateAll } from './validation';

type Values = { username: string; password: string; confirm: string };

describe('nameTheField', () => {
  it('keeps a message that already names the field', () => {
    expect(nameTheField('CUSIP', 'CUSIP must be 9 characters')).toBe('CUSIP must be 9 characters');
  });
  it('prefixes the label otherwise', () => {
    expect(nameTheField('Record date', 'Not a real calendar date')).toBe('Record date: Not a real calendar date');
  });
});

describe('checkWith', () => {
  it('returns the shared schema message, naming the field', () => {
    const check = checkWith<Values>(cusipSchema, 'CUSIP');
    expect(check('12345', { username: '', password: '', confirm: '' })).toBe(
      'CUSIP must be 9 characters: letters, digits, *, @ or #',
    );
    expect(check('037833100', { username: '', password: '', confirm: '' })).toBeNull();
  });

  it('prefixes the label when the schema message does not name it', () => {
    const check = checkWith<Values>(usernameSchema, 'User name');
    expect(check('1abc', { username: '', password: '', confirm: '' })).toMatch(/^User name/);
  });
});

describe('validateAll and allOf', () => {
  const matches = (value: string, values: Values) => (value === values.password ? null : 'Confirm password does not match the password');
  const checks = {
    username: checkWith<Values>(usernameSchema, 'User name'),
    password: checkWith<Values>(passwordSchema, 'Password'),
    confirm: allOf<Values>((v) => (v === '' ? 'Confirm password is required' : null), matches),
  };

  it('reports every field with a problem and only those', () => {
    const errors = validateAll(checks, { username: 'ann', password: 'short', confirm: 'other' });
    expect(errors).toEqual({
      password: 'Password must be at least 10 characters',
      confirm: 'Confirm password does not match the password',
    });
  });

  it('keeps the first problem of a chain', () => {
    expect(validateAll(checks, { username: 'ann', password: 'long enough pw', confirm: '' }).confirm).toBe(
      'Confirm password is required',
    );
  });

  it('knows whether something was keyed', () => {
    const initial = { username: '', password: '', confirm: '' };
    expect(hasKeyedSomething(initial, { ...initial })).toBe(false);
    expect(hasKeyedSomething(initial, { ...initial, username: 'a' })).toBe(true);
  });
});
