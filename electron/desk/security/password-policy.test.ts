import { describe, expect, it } from 'vitest';
import { COMMON_WORDS, isCommonPassword } from './common-passwords';
import { checkNewPassword } from './password-policy';

const refusal = (password: string, username = 'carl') => {
  try {
    checkNewPassword(password, username, 'New password', 'newPassword');
    return null;
  } catch (error) {
    return error;
  }
};

describe('the password policy', () => {
  it('refuses the user name or a password containing it, in any case', () => {
    for (const p of ['carl-carl-carl', 'my name is CARL ok', 'xxCaRlxxxxxxxx']) {
      expect(refusal(p)).toMatchObject({ code: 'INVALID_INPUT', field: 'newPassword', message: 'New password: choose one that is not and does not contain the user name' });
    }
    expect(refusal('ada.lovelace-no-1', 'ada.lovelace')).not.toBeNull();
  });

  it('refuses only spaces', () => {
    expect(refusal('              ')).toMatchObject({ message: 'New password: cannot be only spaces' });
  });

  it('refuses common passwords and the usual ways of dressing them up', () => {
    for (const p of ['password1234', 'Password2024!', 'P@ssw0rd1234', 'passwordpassword', 'qwertyuiop123', '123456789012', 'aaaaaaaaaaaa', 'abababababab', 'iloveyou1234', 'Welcome12345', '1q2w3e4r5t6y', 'abcdefghijkl', 'correct horse battery staple', 'letmein-letmein', '2024password!!']) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(refusal(p, 'zed')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^New password: this is one of the most common passwords/) as unknown });
    }
    expect(COMMON_WORDS.size).toBeGreaterThan(250);
  });

  it('accepts a long password of unrelated words', () => {
    for (const p of ['correct horse battery', 'analytical-engine-1843', 'keying-all-day-42', 'four-eyes-check-7', 'temporary-pass-1', 'violet tram under the bridge']) {
      expect(refusal(p), p).toBeNull();
    }
  });
});
