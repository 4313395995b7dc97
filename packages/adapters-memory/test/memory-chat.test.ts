import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryChat, markupToPlainText } from '../src/index.ts';

const start = new Date('2023-11-14T22:13:20.000Z'); // 1700000000 s

describe('MemoryChat back door', () => {
  it('numbers messages like Slack ts, increasing within and across seconds', async () => {
    const clock = new ManualClock(start);
    const chat = new MemoryChat({ clock });
    const a = await chat.postMessage({ channel: 'C1', text: 'a', key: 'ka' });
    const b = await chat.postMessage({ channel: 'C1', text: 'b', key: 'kb' });
    clock.advance(1500);
    const c = await chat.postMessage({ channel: 'C1', text: 'c', key: 'kc' });
    clock.set(start);
    const d = await chat.postMessage({ channel: 'C1', text: 'd', key: 'kd' });
    expect([a.id, b.id, c.id, d.id]).toEqual([
      '1700000000.000100',
      '1700000000.000200',
      '1700000001.000100',
      '1700000001.000200',
    ]);
  });

  it('records text, markup, key, thread, overflow url and time, and filters by channel and thread', async () => {
    const chat = new MemoryChat({ clock: new ManualClock(start) });
    const root = await chat.postMessage({ channel: 'C1', text: 'a < b', key: 'k1' });
    await chat.postMessage({
      channel: 'C1',
      threadId: root.id,
      text: 'reply',
      key: 'k2',
      overflowUrl: 'https://t/1',
    });
    await chat.postMessage({ channel: 'C2', text: 'elsewhere', key: 'k3' });
    expect(chat.messages[0]).toEqual({
      id: root.id,
      channel: 'C1',
      text: 'a < b',
      markup: 'a &lt; b',
      key: 'k1',
      postedAt: start,
    });
    expect(chat.messagesIn('C1').map((m) => m.key)).toEqual(['k1']);
    expect(chat.messagesIn('C1', root.id)).toMatchObject([
      { key: 'k2', threadId: root.id, overflowUrl: 'https://t/1' },
    ]);
    expect(chat.messagesIn('C2').map((m) => m.text)).toEqual(['elsewhere']);
  });

  it('counts calls per method and in total', async () => {
    const chat = new MemoryChat();
    await chat.postMessage({ channel: 'C1', text: 'a', key: 'k' });
    await chat.getUser('U1');
    await chat.getUser('U2');
    expect([chat.callCount('postMessage'), chat.callCount('getUser'), chat.callCount()]).toEqual([1, 2, 3]);
  });

  it('uses its defaults and options for identity, platform and permalinks', async () => {
    expect(await new MemoryChat().whoAmI()).toEqual({ userId: 'UBOT', botId: 'BBOT' });
    const chat = new MemoryChat({
      platform: 'slack',
      self: { userId: 'U9' },
      workspaceUrl: 'https://acme.slack.com/',
    });
    expect(chat.platform).toBe('slack');
    expect(await chat.whoAmI()).toEqual({ userId: 'U9' });
    expect(await chat.permalink('C1', '1700000000.000100')).toBe(
      'https://acme.slack.com/archives/C1/p1700000000000100',
    );
  });

  it('posts the message and then fails on an injected timeout (the answer is lost)', async () => {
    const chat = new MemoryChat();
    chat.faults.failNext('timeout', { method: 'postMessage' });
    await expect(chat.postMessage({ channel: 'C1', text: 'a', key: 'k' })).rejects.toMatchObject({
      reason: 'Unavailable',
    });
    expect(await chat.findMessage('C1', undefined, 'k')).toEqual({ id: chat.messages[0]?.id });
  });
});

describe('markupToPlainText', () => {
  const names = (id: string) => ({ U1: 'Alice' })[id];

  it.each([
    ['hi <@U1>', 'hi Alice'],
    ['hi <@U2>', 'hi @U2'],
    ['see <#C1|support>', 'see #support'],
    ['<!here> help', '@here help'],
    ['<https://x.io|docs> and <https://y.io>', 'docs (https://x.io) and https://y.io'],
    ['<mailto:a@b.c|a@b.c>', 'a@b.c (mailto:a@b.c)'],
    ['a &amp;&lt;b&gt; &amp;lt;', 'a &<b> &lt;'],
    ['plain :tada: text', 'plain :tada: text'],
  ])('%s → %s', (markup, plain) => {
    expect(markupToPlainText(markup, names)).toBe(plain);
  });
});

describe('MemoryChat.findMessage with a lower bound', () => {
  it('searches from `since`, then only the newest 100, so an older post past that window is not found', async () => {
    const clock = new ManualClock(start);
    const chat = new MemoryChat({ clock });
    const old = await chat.postMessage({ channel: 'C1', text: 'old', key: 'k-old' });
    clock.advance(60_000);
    const since = clock.now();
    const bounded = await chat.postMessage({ channel: 'C1', text: 'new', key: 'k-new' });
    for (let i = 0; i < 150; i += 1) await chat.postMessage({ channel: 'C1', text: `m${i}`, key: `k-${i}` });
    expect(await chat.findMessage('C1', undefined, 'k-new', { since })).toEqual(bounded);
    expect(await chat.findMessage('C1', undefined, 'k-old', { since })).toBeUndefined();
    expect(await chat.findMessage('C1', undefined, 'k-old', { since: start })).toEqual(old);
    expect(await chat.findMessage('C1', undefined, 'k-old')).toEqual(old);
    // A bound later than the chat's clock (a caller clock ahead) still finds a recent post.
    const ahead = new Date(clock.now().getTime() + 3_600_000);
    expect(await chat.findMessage('C1', undefined, 'k-149', { since: ahead })).toBeDefined();
  });
});
