import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL, message, type ZendeskBot, zendeskBot } from './support/zendesk-bot.ts';

// Issue 12 §7: the first thread reply used to resolve the issue, because Zendesk's documented update
// answer has no created_at on its audit Comment event. Here the fake answers exactly that.
const documented = JSON.parse(
  readFileSync(new URL('fixtures/zendesk/update-ticket-comment.json', import.meta.url), 'utf8'),
) as { audit: { events: { id: number; type: string }[] } };

let b: ZendeskBot;
afterEach(() => b.close());

// Lets the fake apply each PUT, then answers the documented example carrying the new comment's id.
function answerAsDocumented() {
  const reshape = (real: unknown) => {
    const events = (real as { audit: { events: { id: number; type: string }[] } }).audit.events;
    const id = events.find((event) => event.type === 'Comment')?.id;
    const [comment, ...rest] = documented.audit.events;
    return { ...documented, audit: { ...documented.audit, events: [{ ...comment, id }, ...rest] } };
  };
  b.fake.failNext('malformed', { status: 200, method: 'PUT', afterCommit: true, count: 100, reshape });
}

describe.each(['full', 'minimal'] as const)('a thread reply on Zendesk (%s answers)', (mode) => {
  it('reaches the ticket and leaves the issue open; a second reply reaches it too', async () => {
    b = await zendeskBot(mode);
    const opened = await b.bot.handleChatMessage(message('1700000000.000100', 'The printer is on fire'));
    if (opened.outcome !== 'ticket-created') throw new Error(`expected a ticket, got ${opened.outcome}`);
    answerAsDocumented();
    const first = await b.bot.handleChatMessage(
      message('1700000000.000200', 'Still burning', '1700000000.000100'),
    );
    const second = await b.bot.handleChatMessage(
      message('1700000000.000300', 'Now smoking', '1700000000.000100'),
    );
    expect([first.outcome, second.outcome]).toEqual(['comment-added', 'comment-added']);
    expect((await b.repo.findById(opened.issueId))?.status).toBe('open');
    const bodies = b.fake.comments(opened.ticketId).map((c) => c.body);
    expect(bodies.some((body) => body.includes('Still burning'))).toBe(true);
    expect(bodies.some((body) => body.includes('Now smoking'))).toBe(true);
    const texts = b.chat.messagesIn(CHANNEL, '1700000000.000100').map((m) => m.text);
    expect(texts.join('\n')).not.toMatch(/already resolved/i);
  });

  it("an emailed ticket's thread gets its link comment (the internal note with the chat link)", async () => {
    b = await zendeskBot(mode);
    const ticketId = b.fake.createEmailTicket({
      subject: 'VPN down',
      body: 'Since 9am',
      requesterEmail: 'bob@example.com',
    });
    answerAsDocumented();
    const outcome = await b.bot.handleEmailTicket({ ticketId });
    expect(outcome).toMatchObject({ outcome: 'thread-opened', ticketId });
    const note = b.fake.comments(ticketId).find((c) => !c.public);
    expect(note?.body).toContain('https://acme.slack.com/archives/');
    expect(b.fake.ticket(ticketId)?.external_id).toMatch(new RegExp(`:${CHANNEL}:`));
  });
});
