import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, openIssue } from './support/bot-fixture.ts';

const PDF = { name: 'invoice.pdf', url: 'https://acme.zendesk.com/attachments/token/T1/?name=invoice.pdf' };

describe('an agent’s attachments reach the chat thread as links', () => {
  it('names a public comment’s attachment with its link, once however often the notice comes', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    f.tickets.addExternalComment(ticketId, {
      body: 'Here is the invoice',
      public: true,
      authorName: 'Dana',
      attachments: [PDF],
    });

    await f.bot.handleTicketComments({ ticketId });
    await f.bot.handleTicketComments({ ticketId });

    const posts = f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);
    expect(posts.filter((text) => text.includes('invoice.pdf'))).toEqual([
      `Dana (Zendesk): Here is the invoice\n\nAttached files: invoice.pdf (${PDF.url})`,
    ]);
  });

  it('never lets an internal note’s attachment cross', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    f.tickets.addExternalComment(ticketId, {
      body: 'secret',
      public: false,
      authorName: 'Dana',
      attachments: [PDF],
    });
    await f.bot.handleTicketComments({ ticketId });
    expect(f.chat.messagesIn(CHANNEL, threadId).some((m) => m.text.includes('invoice'))).toBe(false);
  });
});
