import type { ChatEvent } from '../domain/chat-event.ts';
import type { TicketPerson } from '../domain/ticket.ts';
import { unknownChatAuthor } from '../messages.ts';
import type { BotDeps } from './bot-deps.ts';

/** The name to attribute a chat message to: the platform's display name, else the author's id. */
export async function chatAuthorName(deps: Pick<BotDeps, 'chat'>, event: ChatEvent): Promise<string> {
  const user = event.userId === undefined ? undefined : await deps.chat.getUser(event.userId);
  return user?.name ?? event.userId ?? event.botId ?? unknownChatAuthor;
}

/** Who a ticket is asked for, and whether that is the chat author themself. */
export interface ChatRequester {
  /** Undefined: the ticketing side's own agent is the requester. */
  readonly person: TicketPerson | undefined;
  /** False when the author has no email and the requester is a stand-in. */
  readonly isAuthor: boolean;
}

/**
 * The ticket requester for a chat author: the author when the platform shows their email, else
 * the configured default requester's email, else none (the ticketing side's agent).
 */
export async function chatRequester(
  deps: Pick<BotDeps, 'chat' | 'settings'>,
  event: ChatEvent,
): Promise<ChatRequester> {
  const user = event.userId === undefined ? undefined : await deps.chat.getUser(event.userId);
  if (user?.email !== undefined) {
    const person = user.name === undefined ? { email: user.email } : { name: user.name, email: user.email };
    return { person, isAuthor: true };
  }
  const fallback = deps.settings.defaultRequesterEmail;
  return { person: fallback === undefined ? undefined : { email: fallback }, isAuthor: false };
}
