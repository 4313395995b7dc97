import type { ChatIdentity } from '../domain/chat-event.ts';
import type { ChatPort } from '../ports/chat-port.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueRepo } from '../ports/issue-repo.ts';
import type { Logger } from '../ports/logger.ts';
import type { OnCallPort } from '../ports/on-call-port.ts';
import type { TicketPort } from '../ports/ticket-port.ts';
import type { BotSettings } from '../settings.ts';

/** Everything the use cases need from outside. `onCall` is optional: no notices without it. */
export interface BotDeps {
  readonly chat: ChatPort;
  readonly tickets: TicketPort;
  readonly onCall?: OnCallPort;
  readonly repo: IssueRepo;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: BotSettings;
}

/** BotDeps plus what the bot remembers between calls (its own chat identity). */
export interface BotContext extends BotDeps {
  /** The bot's chat identity, asked once and cached; a failed lookup is asked again next time. */
  identity(): Promise<ChatIdentity>;
  /** The ticket-side user id the bot writes as: `ticketAgentId`, else `tickets.whoAmI()` (cached), else none. */
  ticketIdentity(): Promise<string | undefined>;
}

/** Wraps deps into a context with a cached identity. */
export function botContext(deps: BotDeps): BotContext {
  let cached: Promise<ChatIdentity> | undefined;
  const identity = (): Promise<ChatIdentity> => {
    cached ??= deps.chat.whoAmI().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
  return { ...deps, identity, ticketIdentity: cachedTicketIdentity(deps) };
}

function cachedTicketIdentity(deps: BotDeps): () => Promise<string | undefined> {
  const { ticketAgentId } = deps.settings;
  const whoAmI = deps.tickets.whoAmI?.bind(deps.tickets);
  if (ticketAgentId !== undefined || whoAmI === undefined) return async () => ticketAgentId;
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= whoAmI().then(
      (me) => me.id,
      (error: unknown) => {
        cached = undefined;
        throw error;
      },
    );
    return cached;
  };
}
