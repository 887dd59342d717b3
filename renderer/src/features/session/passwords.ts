/** The confirm-password check shared by every form that sets a password. */
export const confirmMatches = (value: string, values: { password: string }): string | null => {
  if (value === '') return 'Confirm password is required';
  return value === values.password ? null : 'Confirm password does not match the password';
};
