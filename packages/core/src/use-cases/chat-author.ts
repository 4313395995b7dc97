import type { ChatEvent } from '../domain/chat-event.ts';
import type { TicketPerson } from '../domain/ticket.ts';
import { unknownChatAuthor } from '../messages.ts';
import type { BotDeps } from './bot-deps.ts';

/** The name to attribute a chat message to: the platform's display name, else the author's id. */
export async function chatAuthorName(deps: Pick<BotDeps, 'chat'>, event: ChatEvent): Promise<string> {
  const user = event.userId === undefined ? undefined : await deps.chat.getUser(event.userId);
  return user?.name ?? event.userId ?? event.botId ?? unknownChatAuthor;
}

/** The ticket requester for a chat author: only when the platform knows their email. */
export async function chatRequester(
  deps: Pick<BotDeps, 'chat'>,
  event: ChatEvent,
): Promise<TicketPerson | undefined> {
  const user = event.userId === undefined ? undefined : await deps.chat.getUser(event.userId);
  if (user?.email === undefined) return undefined;
  return user.name === undefined ? { email: user.email } : { name: user.name, email: user.email };
}
