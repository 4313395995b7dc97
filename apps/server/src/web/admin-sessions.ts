/** A live login, as the session store returns it. */
export interface LiveSession {
  readonly adminId: string;
  /** The admin's email now. */
  readonly email: string;
  readonly expiresAt: Date;
}

/** What the web front needs from the session store; the Postgres `SessionStore` fits as it is. */
export interface AdminSessions {
  /** Starts a session for an existing admin and returns its id (random, unguessable). */
  create(adminId: string, createdAt: Date, expiresAt: Date): Promise<string>;
  /** The session when it exists, has not expired at `now` and its admin still exists. */
  find(sessionId: string, now: Date): Promise<LiveSession | undefined>;
  /** Ends one session; ending an unknown one is not an error. */
  delete(sessionId: string): Promise<void>;
  /** Ends every session of an admin; returns how many there were. */
  deleteAllForAdmin(adminId: string): Promise<number>;
}
