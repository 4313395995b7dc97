/** How the bot behaves; the server fills this from configuration. */
export interface BotSettings {
  /** The chat channel the bot watches and posts new email issues and reports to. */
  readonly supportChannel: string;
  /** Bot ids whose messages may open issues; every other bot is ignored. */
  readonly allowedBotIds: readonly string[];
  /** When false, every message is logged with a warning and otherwise ignored. */
  readonly processingEnabled: boolean;
  /** Ticket group new tickets go to, and the email flow links to. */
  readonly ticketGroupId?: string;
  /** Agent new tickets are assigned to, and the email flow links to. */
  readonly ticketAssigneeId?: string;
  /** The escalation policy to name on-call people from; on-call notices are skipped when absent. */
  readonly escalationPolicyId?: string;
  /**
   * Ticket-side user id the bot writes comments as. Comments by it are never forwarded to chat,
   * even when a crash left no record of writing them. Optional: records alone catch the rest.
   */
  readonly ticketAgentId?: string;
  /**
   * The public comment an emailed ticket's requester gets once its chat thread exists (the chat
   * link stays in the internal note). Absent: no acknowledgement.
   */
  readonly emailAcknowledgement?: string;
  /**
   * Requester email for a chat author the platform shows no email for (guests, bots, Slack
   * Connect users); absent, the ticketing side's own agent becomes the requester.
   */
  readonly defaultRequesterEmail?: string;
  /** Chat files up to this size (bytes) are copied onto tickets; larger ones are linked. Default 20 MB. */
  readonly maxAttachmentBytes: number;
  /** IANA time zone the daily report's "previous day" is computed in. */
  readonly reportTimeZone: string;
  /**
   * How long a side effect's lease lasts (ms): an overlapping run does not act until it ends. A
   * working run renews it every third of it; a crashed run's lease ends within it. Longer than any
   * vendor call's timeout. Default 30 seconds.
   */
  readonly deliveryLeaseMs: number;
}

/** Default lease of a side effect: 30 seconds, three times the adapters' 10-second call timeouts. */
export const DEFAULT_DELIVERY_LEASE_MS = 30_000;

/** Default largest file copied between chat and tickets: 20 MB (Zendesk's own limit is 50 MB). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Settings with their defaults filled in. */
export function botSettings(
  settings: Partial<BotSettings> & Pick<BotSettings, 'supportChannel'>,
): BotSettings {
  return {
    allowedBotIds: [],
    processingEnabled: true,
    reportTimeZone: 'UTC',
    deliveryLeaseMs: DEFAULT_DELIVERY_LEASE_MS,
    maxAttachmentBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
    ...settings,
  };
}
