import { expectIntegrationError } from '@zenslackchat/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adapterOptionsFor,
  FAKE_TEAMS_CHANNEL,
  messageActivityOf,
  type TeamsChatHarness,
  teamsChatHarness,
} from '../src/fake/index.ts';
import { deliveryMarker, TeamsChatAdapter } from '../src/index.ts';

let harness: TeamsChatHarness | undefined;
afterEach(async () => {
  await harness?.close?.();
  harness = undefined;
});

async function start(): Promise<TeamsChatHarness> {
  harness = await teamsChatHarness();
  return harness;
}

const graphCalls = (h: TeamsChatHarness) => h.fake.state.calls.filter((c) => c.path.startsWith('/graph/'));

describe('TeamsChatAdapter.findMessage (Microsoft Graph)', () => {
  it('finds its own post and its own reply by key, reading Graph with a Graph-scoped token', async () => {
    const h = await start();
    const root = await h.port.postMessage({
      channel: FAKE_TEAMS_CHANNEL,
      text: 'Ticket #1 opened',
      key: 'k-root',
    });
    const reply = await h.port.postMessage({
      channel: FAKE_TEAMS_CHANNEL,
      threadId: root.id,
      text: 'Agent says hi',
      key: 'k-reply',
    });
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-root')).toEqual({ id: root.id });
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, root.id, 'k-reply')).toEqual({ id: reply.id });
    // A reply's key is not found among top-level posts, nor a top-level key in the thread.
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-reply')).toBeUndefined();
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, root.id, 'k-root')).toBeUndefined();
    const channel = `/graph/v1.0/teams/${h.fake.teamId}/channels/${encodeURIComponent(FAKE_TEAMS_CHANNEL)}`;
    expect(graphCalls(h).map((c) => c.path)).toEqual([
      `${channel}/messages`,
      `${channel}/messages/${root.id}/replies`,
      `${channel}/messages`,
      `${channel}/messages/${root.id}/replies`,
    ]);
    // Two token requests: one for the Bot Connector, one for Graph (each cached).
    expect(h.fake.state.calls.filter((c) => c.path.endsWith('/oauth2/v2.0/token'))).toHaveLength(2);
  });

  it('does not take a person’s post for its own, even one carrying the same marker', async () => {
    const h = await start();
    // Someone pasted the bot's post, marker and all: it is not from the app, so it does not count.
    messageActivityOf(h.fake, {
      channel: FAKE_TEAMS_CHANNEL,
      from: { id: '29:1alice', name: 'Alice' },
      html: `<p>Ticket #1 opened${deliveryMarker('k-pasted')}</p>`,
    });
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-pasted')).toBeUndefined();
    const own = await h.port.postMessage({
      channel: FAKE_TEAMS_CHANNEL,
      text: 'Ticket #1 opened',
      key: 'k-pasted',
    });
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-pasted')).toEqual({ id: own.id });
  });

  it('follows @odata.nextLink through pages of 50, from `since` back, and only a window without it', async () => {
    const h = await start();
    const since = new Date();
    const first = await h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, text: 'first', key: 'k-first' });
    for (let i = 0; i < 120; i += 1)
      await h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, text: `later ${i}`, key: `k-${i}` });
    const before = graphCalls(h).length;
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-first', { since })).toEqual({
      id: first.id,
    });
    expect(graphCalls(h).length - before).toBe(3); // 50 + 50 + 21, newest first
    // Without a lower bound only the newest 100 are read: the oldest post is out of reach.
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-first')).toBeUndefined();
    expect(graphCalls(h).length - before).toBe(5);
  });

  it('pages through a long thread', async () => {
    const h = await start();
    const root = await h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, text: 'root', key: 'k-root' });
    const early = await h.port.postMessage({
      channel: FAKE_TEAMS_CHANNEL,
      threadId: root.id,
      text: 'early',
      key: 'k-early',
    });
    for (let i = 0; i < 60; i += 1)
      await h.port.postMessage({
        channel: FAKE_TEAMS_CHANNEL,
        threadId: root.id,
        text: `r${i}`,
        key: `k-r${i}`,
      });
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, root.id, 'k-early')).toEqual({ id: early.id });
    expect(graphCalls(h).filter((c) => c.path.endsWith('/replies'))).toHaveLength(2);
  });

  it('answers a thread Graph does not know as not found', async () => {
    const h = await start();
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, '1700000000000', 'k')).toBeUndefined();
  });

  it('reports missing consent (Graph 403) as a non-retryable Unauthorized naming the permission', async () => {
    const h = await start();
    await h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, text: 'posted', key: 'k-1' });
    h.fake.state.graphConsent = false;
    const error = await expectIntegrationError(
      h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k-1') ?? Promise.resolve(),
      'Unauthorized',
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('ChannelMessage.Read.Group');
    expect(error.vendor).toMatchObject({ call: 'list channel messages', status: 403, code: 'Forbidden' });
  });

  it('maps Graph throttling (429 with Retry-After) to RateLimited with the wait', async () => {
    const h = await start();
    h.fake.failNextGraph('rate-limited', { retryAfterMs: 7000 });
    const error = await expectIntegrationError(
      h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k') ?? Promise.resolve(),
      'RateLimited',
    );
    expect(error.retryAfterMs).toBe(7000);
    expect(await h.port.findMessage?.(FAKE_TEAMS_CHANNEL, undefined, 'k')).toBeUndefined();
  });

  it('has no findMessage without a team id', async () => {
    const h = await start();
    const { teamId: _teamId, ...options } = adapterOptionsFor(h.fake);
    expect(new TeamsChatAdapter(options).findMessage).toBeUndefined();
  });

  it('fake Graph refuses a Bot Connector token and a request without one', async () => {
    const h = await start();
    const url = `${h.fake.graphUrl}/teams/${h.fake.teamId}/channels/${encodeURIComponent(FAKE_TEAMS_CHANNEL)}/messages`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: h.fake.app.appId,
      client_secret: h.fake.app.appPassword,
      scope: 'https://api.botframework.com/.default',
    });
    const token = (await (
      await fetch(`${h.fake.url}/${h.fake.app.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form })
    ).json()) as { access_token: string };
    const wrong = await fetch(url, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(wrong.status).toBe(401);
  });
});
