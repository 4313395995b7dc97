import { MemoryChat, MemoryIssueRepo, MemoryTickets } from '@zenslackchat/adapters-memory';
import { botSettings, SupportBot, silentLogger, systemClock } from '@zenslackchat/core';
import { MemorySandbox } from '../../src/web/sandbox/memory-sandbox.ts';

export const SANDBOX_CHANNEL = 'C0SANDBOX';

/**
 * A MemorySandbox whose intake runs the real SupportBot straight away (no job queue), over memory
 * adapters; the server wires the durable intake instead.
 */
export function sandboxFixture(options: { readonly maxFileBytes?: number } = {}) {
  const chat = new MemoryChat({ platform: 'slack' });
  const tickets = new MemoryTickets();
  const repo = new MemoryIssueRepo();
  const bot = new SupportBot({
    chat,
    tickets,
    repo,
    clock: systemClock,
    logger: silentLogger,
    settings: botSettings({
      supportChannel: SANDBOX_CHANNEL,
      ...(options.maxFileBytes === undefined ? {} : { maxAttachmentBytes: options.maxFileBytes }),
    }),
  });
  const sandbox = new MemorySandbox({
    chat,
    tickets,
    channel: SANDBOX_CHANNEL,
    ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    intake: {
      acceptChat: ({ event }) => bot.handleChatMessage(event),
      acceptTicket: (notice) =>
        notice.kind === 'email'
          ? bot.handleEmailTicket({ ticketId: notice.ticketId })
          : bot.handleTicketComments({
              ticketId: notice.ticketId,
              ...(notice.externalId === undefined ? {} : { externalId: notice.externalId }),
            }),
    },
  });
  return { chat, tickets, repo, bot, sandbox };
}
