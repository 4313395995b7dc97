/** An admin who can log in to the web front, as the account store returns it. */
export interface AdminAccount {
  readonly id: string;
  /** Lower-cased. */
  readonly email: string;
  /** `hashPassword`'s output. */
  readonly passwordHash: string;
  /** Failed logins counted towards the next lock. */
  readonly failedLogins: number;
  /** Logins are refused until then; null when not locked. */
  readonly lockedUntil: Date | null;
}

/** When repeated failed logins lock an account, and for how long. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}

/** What the web front needs from the admin user store; the Postgres `AdminUserStore` fits as it is. */
export interface AdminAccounts {
  /** The account with that email (compared case-insensitively), if any. */
  findByEmail(email: string): Promise<AdminAccount | undefined>;
  /**
   * Counts a failed login atomically; reaching `policy.maxFailures` locks the account until
   * `at + policy.lockMs` and restarts the count. Returns the account, undefined when unknown.
   */
  recordFailedLogin(id: string, at: Date, policy: LockoutPolicy): Promise<AdminAccount | undefined>;
  /** Clears the failure count and any lock after a successful login. */
  resetFailedLogins(id: string): Promise<void>;
}
