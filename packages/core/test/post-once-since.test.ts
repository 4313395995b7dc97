import { describe, expect, it, vi } from 'vitest';
import { botFixture, CHANNEL, chatEvent } from './support/bot-fixture.ts';

describe('a retried post looks for the earlier attempt from when its delivery was recorded', () => {
  it('passes the delivery’s creation time to findMessage as the lower bound', async () => {
    const f = botFixture();
    const find = vi.spyOn(f.chat, 'findMessage');
    const event = chatEvent({ messageId: '1.1' });
    const firstAttemptAt = f.clock.now();
    f.chat.faults.failNext('timeout', { method: 'postMessage' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ reason: 'Unavailable' });

    f.clock.advance(3_600_000);
    await f.bot.handleChatMessage(event);
    expect(find).toHaveBeenCalledTimes(1);
    expect(find.mock.calls[0]?.slice(0, 2)).toEqual([CHANNEL, '1.1']);
    expect(find.mock.calls[0]?.[3]).toEqual({ since: firstAttemptAt });
    expect(f.chat.messagesIn(CHANNEL, '1.1')).toHaveLength(1);
  });
});
