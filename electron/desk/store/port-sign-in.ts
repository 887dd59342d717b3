/** The store port's part for failed sign-ins: a count per known user, and the lockout the tenth sets. */

export interface SignInFailureRecord {
  readonly userId: number;
  /** Consecutive failures since the last success or an administrator's unlock. */
  readonly failures: number;
  readonly lastFailedAt: string | null;
  readonly lockedAt: string | null;
}

export interface SignInFailuresReader {
  ofUser(userId: number): Promise<SignInFailureRecord | undefined>;
  /** Every user now locked out. */
  locked(): Promise<SignInFailureRecord[]>;
}

export interface SignInFailuresWriter extends SignInFailuresReader {
  /** Replaces the user's record (creating it the first time). */
  put(record: SignInFailureRecord): Promise<void>;
}
