import {
  ManualClock,
  MemoryChat,
  MemoryIssueRepo,
  MemoryOnCall,
  MemoryTickets,
} from '@zenslackchat/adapters-memory';
import { type BotSettings, botSettings, type ChatEvent, SupportBot } from '../../src/index.ts';
import { RecordingLogger } from './recording-logger.ts';

/** The support channel every fixture watches. */
export const CHANNEL = 'C-SUPPORT';

/** Options for a fixture: settings overrides, and whether an on-call port is wired at all. */
export interface FixtureOptions {
  readonly settings?: Partial<BotSettings>;
  readonly withOnCallPort?: boolean;
  readonly start?: Date;
  /** Whether the tickets port offers `whoAmI` (default true). */
  readonly ticketsWhoAmI?: boolean;
}

/** A SupportBot on fresh in-memory adapters, with the adapters at hand for assertions. */
export function botFixture(options: FixtureOptions = {}) {
  const clock = new ManualClock(options.start ?? new Date('2026-06-15T12:00:00Z'));
  const chat = new MemoryChat({ platform: 'slack', clock, workspaceUrl: 'https://acme.slack.com' });
  const tickets = new MemoryTickets({
    clock,
    ticketBaseUrl: 'https://acme.zendesk.com/agent/tickets',
    whoAmI: options.ticketsWhoAmI ?? true,
  });
  const onCall = new MemoryOnCall();
  const repo = new MemoryIssueRepo();
  const logger = new RecordingLogger();
  const settings = botSettings({
    supportChannel: CHANNEL,
    ticketGroupId: 'G-1',
    ticketAssigneeId: 'A-1',
    ...options.settings,
  });
  const onCallPort = options.withOnCallPort === false ? {} : { onCall };
  const bot = new SupportBot({ chat, tickets, repo, clock, logger, settings, ...onCallPort });
  chat.addUser({ id: 'U-ALICE', name: 'Alice', email: 'alice@example.com' });
  return { bot, clock, chat, tickets, onCall, repo, logger, settings };
}

export type Fixture = ReturnType<typeof botFixture>;

let nextEvent = 0;

/** A chat message event; a plain top-level message from Alice in the support channel by default. */
export function chatEvent(fields: Partial<ChatEvent> & Pick<ChatEvent, 'messageId'>): ChatEvent {
  nextEvent += 1;
  return {
    eventId: `Ev${nextEvent}`,
    platform: 'slack',
    channel: CHANNEL,
    userId: 'U-ALICE',
    text: 'Something is broken',
    files: [],
    ...fields,
  };
}

/** Opens an issue from a top-level message and returns its ids. */
export async function openIssue(fixture: Fixture, messageId = '1700000000.000100', text = 'Help me') {
  const outcome = await fixture.bot.handleChatMessage(chatEvent({ messageId, text }));
  if (outcome.outcome !== 'ticket-created') throw new Error(`expected a ticket, got ${outcome.outcome}`);
  return { ...outcome, threadId: messageId };
}

/** A reply in a thread. */
export function reply(threadId: string, messageId: string, text: string, fields: Partial<ChatEvent> = {}) {
  return chatEvent({ messageId, threadId, text, ...fields });
}
