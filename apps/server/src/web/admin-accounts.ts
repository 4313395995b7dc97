/** An admin who can log in to the web front, as the account store returns it. */
export interface AdminAccount {
  readonly id: string;
  /** Lower-cased. */
  readonly email: string;
  /** `hashPassword`'s output. */
  readonly passwordHash: string;
  /** Consecutive failed logins since the last success. */
  readonly failedLogins: number;
  /** Logins are refused until then; null when not locked. */
  readonly lockedUntil: Date | null;
}

/** What the web front needs from the admin user store (the Postgres `AdminUserStore` fits). */
export interface AdminAccounts {
  /** The account with that email (compared case-insensitively), if any. */
  findByEmail(email: string): Promise<AdminAccount | undefined>;
  /** Counts one more failed login; locks the account until `lockUntil` when given. Returns the new count. */
  recordFailedLogin(id: string, lockUntil: Date | null): Promise<number>;
  /** Clears the failure count and any lock after a successful login. */
  resetFailedLogins(id: string): Promise<void>;
}
