import { expectIntegrationError } from '@zenslackchat/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adapterOptionsFor,
  FAKE_TEAMS_CHANNEL,
  type TeamsChatHarness,
  teamsChatHarness,
} from '../src/fake/index.ts';
import { deliveryMarker, TeamsChatAdapter, withoutMarkers } from '../src/index.ts';

let harness: TeamsChatHarness | undefined;
afterEach(async () => {
  await harness?.close?.();
  harness = undefined;
});

async function start(): Promise<TeamsChatHarness> {
  harness = await teamsChatHarness();
  return harness;
}

describe('TeamsChatAdapter', () => {
  it('sends a message activity as escaped HTML to the channel, and replies to `channel;messageid=root`', async () => {
    const h = await start();
    const root = await h.port.postMessage({
      channel: FAKE_TEAMS_CHANNEL,
      text: 'a < b\nnext line',
      key: 'k1',
    });
    await h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, threadId: root.id, text: 'reply', key: 'k2' });
    const [first, second] = h.fake.state.messages;
    // The delivery key rides along as an invisible marker, for findMessage.
    expect(first).toMatchObject({ text: `a &lt; b<br>next line${deliveryMarker('k1')}`, textFormat: 'xml' });
    expect(second).toMatchObject({ rootId: root.id });
    const paths = h.fake.state.calls.filter((c) => c.path.startsWith('/teams/')).map((c) => c.path);
    expect(paths).toEqual([
      `/teams/v3/conversations/${FAKE_TEAMS_CHANNEL}/activities`,
      `/teams/v3/conversations/${FAKE_TEAMS_CHANNEL};messageid=${root.id}/activities`,
    ]);
  });

  it('asks for its app token once and reuses it', async () => {
    const h = await start();
    for (const key of ['a', 'b', 'c'])
      await h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, text: key, key });
    expect(h.fake.state.calls.filter((c) => c.path.endsWith('/oauth2/v2.0/token'))).toHaveLength(1);
  });

  it('maps a wrong app password to Unauthorized and posts nothing', async () => {
    const h = await start();
    const wrong = new TeamsChatAdapter({ ...adapterOptionsFor(h.fake), appPassword: 'not-the-secret' });
    await expectIntegrationError(
      wrong.postMessage({ channel: FAKE_TEAMS_CHANNEL, text: 'x', key: 'k' }),
      'Unauthorized',
    );
    expect(h.fake.state.messages).toHaveLength(0);
  });

  it('maps a reply to a root the channel does not have, and an unknown channel, to NotFound', async () => {
    const h = await start();
    await expectIntegrationError(
      h.port.postMessage({ channel: FAKE_TEAMS_CHANNEL, threadId: '1234', text: 'x', key: 'k' }),
      'NotFound',
    );
    await expectIntegrationError(
      h.port.postMessage({ channel: '19:nope@thread.tacv2', text: 'x', key: 'k' }),
      'NotFound',
    );
  });

  it('cuts a long text with a link to the whole text', async () => {
    const h = await start();
    const port = new TeamsChatAdapter({ ...adapterOptionsFor(h.fake), maxMessageLength: 60 });
    await port.postMessage({
      channel: FAKE_TEAMS_CHANNEL,
      text: 'x'.repeat(200),
      key: 'k',
      overflowUrl: 'https://z.example/t/1',
    });
    const [message] = h.fake.state.messages;
    expect(withoutMarkers(message?.text ?? '').length).toBeLessThanOrEqual(60);
    expect(message?.text).toContain('(continued at https://z.example/t/1)');
  });

  it('names itself as Teams addresses a bot (28:<app id>)', async () => {
    const h = await start();
    expect(await h.port.whoAmI()).toEqual({ userId: `28:${h.fake.app.appId}`, botId: h.fake.app.appId });
  });

  it('turns a real channel post into plain text (paragraphs, mention, link, emoji, entities)', async () => {
    const h = await start();
    const html =
      '<p>Hi <at>Support Bot</at>, the build is &quot;red&quot; again <emoji id="sad" alt="😟" title="Sad"></emoji></p>' +
      '<p>See <a href="https://ci.example/123">build 123</a></p>';
    expect(await h.port.toPlainText(html)).toBe(
      'Hi Support Bot, the build is "red" again 😟\nSee build 123 [https://ci.example/123]',
    );
  });
});
