import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, chatEvent } from './support/bot-fixture.ts';

const IGNORED_SUBTYPES = [
  'message_replied',
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'reminder_add',
] as const;

describe('which chat messages the bot acts on', () => {
  it('ignores messages in other channels', async () => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', channel: 'C-OTHER' }));
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'other-channel' });
    expect(f.tickets.tickets).toHaveLength(0);
    expect(f.chat.messages).toHaveLength(0);
  });

  it.each(IGNORED_SUBTYPES)('ignores the %s subtype', async (subtype) => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', subtype }));
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'subtype' });
    expect(f.tickets.tickets).toHaveLength(0);
    expect(f.chat.messages).toHaveLength(0);
  });

  it('treats a file share with text as a new request and names its files', async () => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(
      chatEvent({ messageId: '1.1', subtype: 'file_share', text: 'See log', files: [{ name: 'app.log' }] }),
    );
    expect(outcome.outcome).toBe('ticket-created');
    expect(f.tickets.tickets[0]?.description).toContain('Attached files: app.log');
  });

  it('opens an issue for a bare file share, naming the files in the subject', async () => {
    const f = botFixture();
    const files = [{ name: 'crash.png' }, { name: 'app.log' }];
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', subtype: 'file_share', text: '', files }));
    expect(f.tickets.tickets[0]?.subject).toBe('Files shared: crash.png, app.log');
  });

  it('treats a message whose thread id is its own id as top level', async () => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', threadId: '1.1' }));
    expect(outcome.outcome).toBe('ticket-created');
  });

  it('treats a thread_broadcast reply as a reply in its thread', async () => {
    const f = botFixture();
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1' }));
    const outcome = await f.bot.handleChatMessage(
      chatEvent({ messageId: '1.2', threadId: '1.1', subtype: 'thread_broadcast', text: 'more info' }),
    );
    expect(outcome.outcome).toBe('comment-added');
    expect(f.tickets.tickets).toHaveLength(1);
  });

  it('ignores a bot message whose bot id is not allowed', async () => {
    const f = botFixture();
    const event = chatEvent({ messageId: '1.1', subtype: 'bot_message', botId: 'B-RANDOM' });
    const { userId: _dropped, ...fromBot } = event;
    expect(await f.bot.handleChatMessage(fromBot)).toEqual({ outcome: 'ignored', reason: 'bot-not-allowed' });
    expect(f.tickets.tickets).toHaveLength(0);
  });

  it('opens an issue for a bot message whose bot id is allowed', async () => {
    const f = botFixture({ settings: { allowedBotIds: ['B-ALERTS'] } });
    const event = chatEvent({
      messageId: '1.1',
      subtype: 'bot_message',
      botId: 'B-ALERTS',
      text: 'Disk full',
    });
    const { userId: _dropped, ...fromBot } = event;
    expect((await f.bot.handleChatMessage(fromBot)).outcome).toBe('ticket-created');
    expect(f.tickets.tickets[0]?.subject).toBe('Disk full');
  });

  it.each([
    ['its user id', { userId: 'UBOT' }],
    ['its bot id', { botId: 'BBOT' }],
  ])('ignores its own messages, recognised by %s', async (_label, author) => {
    const f = botFixture({ settings: { allowedBotIds: ['BBOT'] } });
    const outcome = await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', ...author }));
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'own-message' });
    expect(f.tickets.tickets).toHaveLength(0);
  });

  it('asks the platform who it is once, not per message', async () => {
    const f = botFixture();
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', subtype: 'channel_join' }));
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.2', subtype: 'channel_join' }));
    expect(f.chat.callCount('whoAmI')).toBe(1);
  });

  it('logs a warning per message and does nothing else when processing is disabled', async () => {
    const f = botFixture({ settings: { processingEnabled: false } });
    for (const messageId of ['1.1', '1.2']) {
      expect(await f.bot.handleChatMessage(chatEvent({ messageId }))).toEqual({
        outcome: 'ignored',
        reason: 'processing-disabled',
      });
    }
    expect(f.logger.at('warn')).toHaveLength(2);
    expect(f.tickets.callCount()).toBe(0);
    expect(f.chat.callCount()).toBe(0);
    expect(await f.repo.listIssues({ limit: 10, offset: 0 })).toHaveLength(0);
  });

  it('ignores a message with neither text nor files', async () => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', text: '  ' }));
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'empty' });
    expect(f.chat.messages.filter((m) => m.channel === CHANNEL)).toHaveLength(0);
  });
});
