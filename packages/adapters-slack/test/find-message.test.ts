import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { CLOCK_SKEW_MS } from '../src/find-delivered-message.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';

let fake: FakeSlack;
let slack: SlackChatAdapter;

beforeEach(async () => {
  fake = await FakeSlack.start();
  slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url, timeoutMs: 2000, findMessagePages: 3 });
});
afterEach(() => fake.close());

describe('SlackChatAdapter.findMessage', () => {
  it('finds a top-level delivery by key and nothing for an unknown key', async () => {
    const posted = await slack.postMessage({ channel: 'C1', text: 'hello', key: 'report:2026-11-26' });
    expect(await slack.findMessage('C1', undefined, 'report:2026-11-26')).toEqual(posted);
    expect(await slack.findMessage('C1', undefined, 'report:2026-11-27')).toBeUndefined();
    expect(fake.calls.at(-1)?.params.include_all_metadata).toBe('true');
  });

  it('finds a reply in a thread, following pages', async () => {
    const root = fake.addMessage({ channel: 'C1', text: 'help', user: 'U0ALICE' });
    for (let i = 0; i < 250; i += 1)
      fake.addMessage({ channel: 'C1', threadTs: root, text: `r${i}`, user: 'U0ALICE' });
    const posted = await slack.postMessage({ channel: 'C1', threadId: root, text: 'answer', key: 'c2t:1' });
    expect(await slack.findMessage('C1', root, 'c2t:1')).toEqual(posted);
    expect(fake.calls.filter((c) => c.method === 'conversations.replies')).toHaveLength(2);
  });

  it('ignores messages that carry another key or no metadata', async () => {
    const root = fake.addMessage({ channel: 'C1', text: 'help', user: 'U0ALICE' });
    fake.addMessage({ channel: 'C1', threadTs: root, text: 'x', user: 'U0ALICE' });
    await slack.postMessage({ channel: 'C1', threadId: root, text: 'answer', key: 'other' });
    expect(await slack.findMessage('C1', root, 'mine')).toBeUndefined();
  });

  it('answers undefined for a thread Slack does not know', async () => {
    expect(await slack.findMessage('C1', '1.000001', 'k')).toBeUndefined();
  });

  it('throws mapped errors for other failures', async () => {
    fake.failNext('rate-limited', { retryAfterMs: 2000 });
    await expect(slack.findMessage('C1', undefined, 'k')).rejects.toMatchObject({
      reason: 'RateLimited',
      retryAfterMs: 2000,
    });
  });
});

describe('SlackChatAdapter.findMessage from a lower bound', () => {
  it('reads history forward from `since` (less the clock-skew allowance), following cursors', async () => {
    const since = new Date();
    const posted = await slack.postMessage({ channel: 'C1', text: 'report', key: 'report:2026-12-06' });
    for (let i = 0; i < 450; i += 1) fake.addMessage({ channel: 'C1', text: `m${i}`, user: 'U0ALICE' });
    expect(await slack.findMessage('C1', undefined, 'report:2026-12-06', { since })).toEqual(posted);
    const [history] = fake.calls.filter((c) => c.method === 'conversations.history');
    expect(history?.params.oldest).toBe(((since.getTime() - CLOCK_SKEW_MS) / 1000).toFixed(6));
    expect(history?.params.inclusive).toBe('true');

    // A post after 450 others is on the third page of 200 from `since`: the cursor is followed.
    await slack.postMessage({ channel: 'C1', text: 'late', key: 'late' });
    const before = fake.calls.length;
    expect(await slack.findMessage('C1', undefined, 'late', { since })).toBeDefined();
    const pages = fake.calls.slice(before).filter((c) => c.method === 'conversations.history');
    expect(pages).toHaveLength(3);
    expect(pages.slice(1).every((c) => typeof c.params.cursor === 'string')).toBe(true);
  });

  it('still finds a recent post when the caller’s clock runs far ahead of Slack’s', async () => {
    const posted = await slack.postMessage({ channel: 'C1', text: 'report', key: 'report:ahead' });
    const since = new Date(Date.now() + 24 * 3_600_000);
    expect(await slack.findMessage('C1', undefined, 'report:ahead', { since })).toEqual(posted);
  });

  it('without a bound, reads only the newest page', async () => {
    const posted = await slack.postMessage({ channel: 'C1', text: 'old', key: 'old' });
    for (let i = 0; i < 150; i += 1) fake.addMessage({ channel: 'C1', text: `m${i}`, user: 'U0ALICE' });
    expect(await slack.findMessage('C1', undefined, 'old')).toBeUndefined();
    expect(fake.calls.filter((c) => c.method === 'conversations.history')).toHaveLength(1);
    expect(posted.id).not.toBe('');
  });
});
