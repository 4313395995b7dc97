import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, type Fixture, openIssue, reply } from './support/bot-fixture.ts';

// The comment webhook can fire while the bot's own addComment is still in flight, or after the
// add succeeded but recording it failed. Without any ticket-side identity (no ZENDESK_USER_ID, no
// whoAmI), the pending delivery's body hash alone must keep the reply out of its thread.

const ROOT = '1700000000.000100';

async function anonymousBot() {
  const f = botFixture({ ticketsWhoAmI: false });
  const { ticketId } = await openIssue(f, ROOT);
  return { f, ticketId };
}

const threadTexts = (f: Fixture) => f.chat.messagesIn(CHANNEL, ROOT).map((m) => m.text);
const echoes = (f: Fixture, text: string) => threadTexts(f).filter((t) => t.includes(text));

describe('a chat reply is never echoed back into its thread', () => {
  it('while its addComment is in flight (the webhook races the answer)', async () => {
    const { f, ticketId } = await anonymousBot();
    const held = f.tickets.faults.holdNext('addComment');
    const replying = f.bot.handleChatMessage(reply(ROOT, '1700000001.000100', 'It fails on Firefox'));
    await held.reached;
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 0, skipped: 1 });
    held.release();
    expect(await replying).toMatchObject({ outcome: 'comment-added' });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 0 });
    expect(echoes(f, 'It fails on Firefox')).toEqual([]);
  });

  it('after the add succeeded but completeDelivery failed, and after its retry', async () => {
    const { f, ticketId } = await anonymousBot();
    const event = reply(ROOT, '1700000001.000100', 'Still broken');
    f.repo.faults.failNext('unavailable', { method: 'completeDelivery' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ reason: 'Unavailable' });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 0, skipped: 1 });
    expect(await f.bot.handleChatMessage(event)).toMatchObject({ outcome: 'comment-added' });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 0 });
    expect(f.tickets.comments(ticketId).filter((c) => c.body.includes('Still broken'))).toHaveLength(1);
    expect(echoes(f, 'Still broken')).toEqual([]);
  });

  it("still forwards an agent's comment that repeats a reply already recorded as done", async () => {
    const { f, ticketId } = await anonymousBot();
    await f.bot.handleChatMessage(reply(ROOT, '1700000001.000100', 'ok'));
    const [, botComment] = f.tickets.comments(ticketId);
    f.tickets.addExternalComment(ticketId, {
      body: botComment?.body ?? '',
      public: true,
      authorName: 'Dana',
    });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 1, skipped: 1 });
  });

  it("skips a comment by the bot's ticket identity (whoAmI) even without any record of it", async () => {
    const f = botFixture();
    const { ticketId } = await openIssue(f, ROOT);
    f.tickets.addExternalComment(ticketId, {
      body: 'Written by the bot before a crash lost its record',
      public: true,
      authorName: 'Support bot',
      authorId: 'agent-bot',
    });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 0, skipped: 1 });
    expect(f.tickets.callCount('whoAmI')).toBe(1);
    expect(echoes(f, 'crash')).toEqual([]);
  });
});
