/**
 * Injection tokens of things only the server knows. The ports use the core's same-named tokens
 * (`ChatPort`, `TicketPort`, `OnCallPort`, `IssueRepo`, `TokenStore`, `Clock`, `Logger`).
 */
export const ServerTokens = {
  /** The validated `AppConfig`. */
  Config: Symbol.for('zenslackchat.server.Config'),
  /** The pino logger fastify logs with. */
  RootLogger: Symbol.for('zenslackchat.server.RootLogger'),
  /** The open `Database` (Kysely + driver). */
  Database: Symbol.for('zenslackchat.server.Database'),
  /** The pg-boss instance. */
  Boss: Symbol.for('zenslackchat.server.Boss'),
  /** The `JobTuning` of the queues. */
  JobTuning: Symbol.for('zenslackchat.server.JobTuning'),
  /** The core's `BotSettings`. */
  BotSettings: Symbol.for('zenslackchat.server.BotSettings'),
  /** Teams' ChatPort; registered only when Teams is configured (or supplied). */
  TeamsChat: Symbol.for('zenslackchat.server.TeamsChat'),
  /** `ChatPlatforms`: each chat platform with a support channel, by platform name. */
  ChatPlatforms: Symbol.for('zenslackchat.server.ChatPlatforms'),
  /** The job handlers (`PlatformBots`: one SupportBot per platform); registered only when chat and tickets are available. */
  SupportBot: Symbol.for('zenslackchat.server.SupportBot'),
  /** The Postgres `AdminUserStore`. */
  AdminUserStore: Symbol.for('zenslackchat.server.AdminUserStore'),
  /** The Postgres `SessionStore` of the web front. */
  SessionStore: Symbol.for('zenslackchat.server.SessionStore'),
  /** The Postgres `LoginLimitStore`: failed-login counts shared by every process. */
  LoginLimitStore: Symbol.for('zenslackchat.server.LoginLimitStore'),
} as const;
