import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: written as a Date, read back as a Date. */
type Timestamp = ColumnType<Date, Date, Date>;

/** The `issues` table: one row per support issue, unique per chat thread and per ticket. */
export interface IssuesTable {
  id: string;
  platform: string;
  channel: string;
  thread_id: string | null;
  ticket_id: string | null;
  status: 'open' | 'resolved';
  source: 'chat' | 'email';
  opened_at: Timestamp;
  resolved_at: Timestamp | null;
  comment_cursor: string | null;
  /** The ticket subject (migration 0004); null until known. */
  summary: ColumnType<string | null, string | null | undefined, string | null>;
  /** Creation order (identity); bigint arrives as a string from pg. */
  seq: ColumnType<string | number, never, never>;
  /** The ticket's status at the last sync (migration 0008), `deleted` once gone; null before. */
  ticket_status: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the ticket was last synced (migration 0008). */
  synced_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The ticket's own last-change time at that sync (migration 0008). */
  ticket_updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The `sweep_leases` table (migration 0008): who runs a sweep, until when. */
export interface SweepLeasesTable {
  name: string;
  owner: string;
  until: Timestamp;
}

/** The `sweeps` table (migration 0008): one row per reconciliation sweep. */
export interface SweepsTable {
  seq: ColumnType<string | number, never, never>;
  started_at: Timestamp;
  finished_at: Timestamp;
  checked: number;
  changed: number;
  healed: number;
  failed: number;
  calls: number;
}

/** The `deliveries` table: side-effect records, doubling as the message/comment mapping. */
export interface DeliveriesTable {
  key: string;
  kind: string;
  issue_id: string | null;
  source_id: string | null;
  target_id: string | null;
  state: 'pending' | 'done';
  attempts: number;
  created_at: Timestamp;
  /** Lease owner, its end and the comment body's hash (migration 0005); null on older rows. */
  owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  content_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The `inbound_events` table: event ids already accepted, per source. */
export interface InboundEventsTable {
  source: string;
  event_id: string;
  received_at: Timestamp;
}

/** The `reports` table: one posted daily report per chat platform and day. */
export interface ReportsTable {
  platform: string;
  /** A `date` column; read it back with `day::text`. */
  day: string;
  period_start: Timestamp;
  period_end: Timestamp;
  open_count: number;
  resolved_count: number;
  posted_at: Timestamp;
}

/** The `oauth_tokens` table: one grant per provider+account, secrets encrypted. */
export interface OauthTokensTable {
  provider: string;
  account: string;
  account_name: string | null;
  access_token: Uint8Array;
  refresh_token: Uint8Array | null;
  expires_at: Timestamp | null;
  scopes: ColumnType<string[], string[], string[]>;
  metadata: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Timestamp;
}

/** The `admin_users` table: web UI accounts; emails stored lower-cased. */
export interface AdminUsersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
}

/** The `sessions` table (migration 0007): one row per web login; the cookie holds the id, the row its hash. */
export interface SessionsTable {
  id_hash: string;
  admin_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The `login_limits` table (migration 0007): failed logins per client address or per email. */
export interface LoginLimitsTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

/** The bot's database, as Kysely sees it. */
export interface Schema {
  issues: IssuesTable;
  deliveries: DeliveriesTable;
  inbound_events: InboundEventsTable;
  reports: ReportsTable;
  oauth_tokens: OauthTokensTable;
  admin_users: AdminUsersTable;
  sessions: SessionsTable;
  sweep_leases: SweepLeasesTable;
  sweeps: SweepsTable;
  login_limits: LoginLimitsTable;
}
