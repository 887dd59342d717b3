import { describe, expect, it } from 'vitest';
import { cusipSchema, passwordSchema, usernameSchema } from '../../../shared/ipc/schemas';
import { allOf, checkWith, flattenValues, formSchema, nameTheField } from './validation';

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

describe('formSchema and allOf', () => {
  const matches = (value: string, values: Values) => (value === values.password ? null : 'Confirm password does not match the password');
  const checks = {
    username: checkWith<Values>(usernameSchema, 'User name'),
    password: checkWith<Values>(passwordSchema, 'Password'),
    confirm: allOf<Values>((v) => (v === '' ? 'Confirm password is required' : null), matches),
  };
  const schema = formSchema<Values>(() => checks);
  const problems = (values: Values) => {
    const result = schema.safeParse(values);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('reports every field with a problem, on its path, and only those', () => {
    expect(problems({ username: 'ann', password: 'short', confirm: 'other' })).toEqual({
      password: 'Password must be at least 12 characters',
      confirm: 'Confirm password does not match the password',
    });
    expect(problems({ username: 'ann', password: 'long enough pw', confirm: 'long enough pw' })).toEqual({});
  });

  it('keeps the first problem of a chain', () => {
    expect(problems({ username: 'ann', password: 'long enough pw', confirm: '' }).confirm).toBe('Confirm password is required');
  });

  it('checks the rows of a field array by their dotted paths', () => {
    const rows = formSchema<Record<string, string>>((v) => ({
      'classes.1.code': (code) => (code === v['classes.0.code'] ? 'Class 2 code: already row 1' : null),
    }));
    const result = rows.safeParse({ classes: [{ code: 'A' }, { code: 'A' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[['classes', 1, 'code'], 'Class 2 code: already row 1']]);
  });
});

describe('flattenValues', () => {
  it('names nested values by dotted paths, as the fields are named', () => {
    expect(flattenValues({ reason: 'x', classes: [{ code: 'A', stage: 1 }, { code: 'B', stage: 2 }] })).toEqual({
      reason: 'x',
      'classes.0.code': 'A',
      'classes.0.stage': '1',
      'classes.1.code': 'B',
      'classes.1.stage': '2',
    });
  });
});
