import { describe, expect, it } from 'vitest';
import { confirmMatches } from './passwords';

describe('confirmMatches', () => {
  it('names the field when empty or different, and passes when equal', () => {
    expect(confirmMatches('', { password: 'abcdefghij' })).toBe('Confirm password is required');
    expect(confirmMatches('abcdefghik', { password: 'abcdefghij' })).toBe('Confirm password does not match the password');
    expect(confirmMatches('abcdefghij', { password: 'abcdefghij' })).toBeNull();
  });
});
