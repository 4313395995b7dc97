import { ManualClock, MemoryChat, MemoryIssueRepo } from '@zenslackchat/adapters-memory';
import { botSettings, type ChatEvent, SupportBot, silentLogger } from '@zenslackchat/core';
import { type FakeMode, type ZendeskTicketHarness, zendeskTicketHarness } from '../../src/fake/index.ts';

/** The support channel the bot watches. */
export const CHANNEL = 'C-SUPPORT';

/** The core's SupportBot on memory chat and repo, with the Zendesk adapter on a fresh fake. */
export async function zendeskBot(mode: FakeMode = 'full') {
  const zendesk: ZendeskTicketHarness = await zendeskTicketHarness({ mode });
  const clock = new ManualClock(new Date('2026-06-15T12:00:00Z'));
  const chat = new MemoryChat({ platform: 'slack', clock, workspaceUrl: 'https://acme.slack.com' });
  chat.addUser({ id: 'U-ALICE', name: 'Alice', email: 'alice@example.com' });
  const repo = new MemoryIssueRepo();
  const settings = botSettings({
    supportChannel: CHANNEL,
    ticketGroupId: zendesk.fixtures.groupId,
    ticketAssigneeId: zendesk.fixtures.agentId,
    ticketAgentId: zendesk.fixtures.agentId,
  });
  const bot = new SupportBot({ chat, tickets: zendesk.port, repo, clock, logger: silentLogger, settings });
  return { bot, chat, repo, zendesk, fake: zendesk.fake, close: () => zendesk.close() };
}

export type ZendeskBot = Awaited<ReturnType<typeof zendeskBot>>;

let nextEvent = 0;

/** A message from Alice in the support channel: top level, or a reply when `threadId` is given. */
export function message(messageId: string, text: string, threadId?: string): ChatEvent {
  nextEvent += 1;
  return {
    eventId: `Ev${nextEvent}`,
    platform: 'slack',
    channel: CHANNEL,
    userId: 'U-ALICE',
    messageId,
    text,
    files: [],
    ...(threadId !== undefined ? { threadId } : {}),
  };
}
