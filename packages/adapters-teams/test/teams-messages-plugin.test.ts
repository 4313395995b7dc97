import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_TEAMS_CHANNEL,
  FakeTeams,
  makeSigningKey,
  messageActivityOf,
  sendActivity,
} from '../src/fake/index.ts';
import { type TeamsAcceptInput, teamsMessagesPlugin } from '../src/index.ts';

const ALICE = { id: '29:1aliceAAAA', name: 'Alice Example' };

let fake: FakeTeams;
let app: FastifyInstance;
let url: string;
let accepted: TeamsAcceptInput[];
let logs: Array<{ level: number; msg: string; failure?: string }>;
let acceptFails: boolean;

async function startApp(authenticate = true): Promise<void> {
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(JSON.parse(String(chunk)));
      done();
    },
  });
  app = Fastify({ logger: { level: 'info', stream } });
  await app.register(teamsMessagesPlugin, {
    appId: fake.app.appId,
    openIdMetadataUrl: fake.openIdMetadataUrl,
    authenticate,
    accept: async (input) => {
      if (acceptFails) throw new Error('database down');
      accepted.push(input);
      return 'accepted';
    },
  });
  url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/teams/messages`;
}

beforeEach(async () => {
  fake = await FakeTeams.start();
  accepted = [];
  logs = [];
  acceptFails = false;
});
afterEach(async () => {
  await app?.close();
  await fake.close();
});

const post = (html: string, extra: Partial<Parameters<typeof messageActivityOf>[1]> = {}) =>
  messageActivityOf(fake, { channel: FAKE_TEAMS_CHANNEL, from: ALICE, html, ...extra });
const signed = async (activity: Record<string, unknown>, overrides = {}) =>
  sendActivity(url, activity, `Bearer ${await fake.signInbound(String(activity.serviceUrl), overrides)}`);

describe('teamsMessagesPlugin', () => {
  beforeEach(() => startApp());

  it('turns a new channel post into a top-level chat event', async () => {
    const activity = post('<p>The printer is on fire</p>');
    expect((await signed(activity)).status).toBe(200);
    expect(accepted).toEqual([
      {
        eventId: activity.id,
        event: {
          eventId: activity.id,
          platform: 'teams',
          channel: FAKE_TEAMS_CHANNEL,
          messageId: activity.id,
          userId: ALICE.id,
          text: '<p>The printer is on fire</p>',
          files: [],
        },
      },
    ]);
  });

  it('turns a reply into an event in the root thread, without the mention of the bot', async () => {
    const activity = post('<p>resolve</p>', { rootId: '1700000000001', mentionBot: true });
    expect((await signed(activity)).status).toBe(200);
    expect(accepted[0]?.event).toMatchObject({ threadId: '1700000000001', text: '<p> resolve</p>' });
  });

  it('recognises edits and deletions as such, each with its own event id', async () => {
    const edit = post('<p>edited</p>', {
      id: '1700000000005',
      type: 'messageUpdate',
      timestamp: '2026-12-06T10:00:00Z',
    });
    const gone = post('', { id: '1700000000005', type: 'messageDelete', timestamp: '2026-12-06T10:01:00Z' });
    await signed(edit);
    await signed(gone);
    expect(accepted.map((a) => a.event.subtype)).toEqual(['message_changed', 'message_deleted']);
    expect(new Set(accepted.map((a) => a.eventId)).size).toBe(2);
  });

  it('answers other activity types 200 and hands nothing over', async () => {
    const activity = { ...post('<p>x</p>'), type: 'conversationUpdate' };
    expect((await signed(activity)).status).toBe(200);
    expect(accepted).toEqual([]);
  });

  it('answers 503 when the activity cannot be made durable, so the Connector retries', async () => {
    acceptFails = true;
    expect((await signed(post('<p>hello</p>'))).status).toBe(503);
  });

  it.each([
    ['no token', async (a: Record<string, unknown>) => sendActivity(url, a), 'missing'],
    ['not a JWT', async (a: Record<string, unknown>) => sendActivity(url, a, 'Bearer abc.def'), 'malformed'],
    [
      'a key not in the metadata',
      async (a: Record<string, unknown>) => signed(a, { key: await makeSigningKey('fake-connector-1') }),
      'bad-signature',
    ],
    [
      'another key id',
      async (a: Record<string, unknown>) => signed(a, { key: await makeSigningKey('evil') }),
      'unknown-key',
    ],
    [
      'another audience',
      async (a: Record<string, unknown>) => signed(a, { audience: 'some-other-app' }),
      'claims',
    ],
    [
      'another issuer',
      async (a: Record<string, unknown>) => signed(a, { issuer: 'https://evil.example' }),
      'claims',
    ],
    ['an expired token', async (a: Record<string, unknown>) => signed(a, { expiresInS: -600 }), 'expired'],
    [
      'a token for another service URL',
      async (a: Record<string, unknown>) =>
        sendActivity(url, a, `Bearer ${await fake.signInbound('https://evil.example/teams/')}`),
      'service-url',
    ],
    [
      'a channel the key is not endorsed for',
      async (a: Record<string, unknown>) => signed({ ...a, channelId: 'webchat' }),
      'endorsement',
    ],
  ])('refuses %s with 401 and a log line', async (_name, send, failure) => {
    const response = await send(post('<p>forged</p>'));
    expect(response.status).toBe(401);
    expect(accepted).toEqual([]);
    expect(logs.some((l) => l.level === 40 && l.failure === failure)).toBe(true);
  });
});

describe('teamsMessagesPlugin with authentication off (Agents Playground, development only)', () => {
  beforeEach(() => startApp(false));

  it('accepts an activity without a token', async () => {
    expect((await sendActivity(url, post('<p>hi</p>'))).status).toBe(200);
    expect(accepted).toHaveLength(1);
  });
});
