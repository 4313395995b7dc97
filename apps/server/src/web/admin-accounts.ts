/** An admin who can log in to the web front, as the account store returns it. */
export interface AdminAccount {
  readonly id: string;
  /** Lower-cased. */
  readonly email: string;
  /** `hashPassword`'s output. */
  readonly passwordHash: string;
}

/** What the web front needs from the admin user store; the Postgres `AdminUserStore` fits as it is. */
export interface AdminAccounts {
  /** The account with that email (compared case-insensitively), if any. */
  findByEmail(email: string): Promise<AdminAccount | undefined>;
  /** Replaces the hash when it is still `previousHash` (an upgrade after login); false otherwise. */
  replacePasswordHash(id: string, previousHash: string, passwordHash: string): Promise<boolean>;
}
