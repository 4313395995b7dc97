import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, type FakeSlackMode } from '../src/fake/index.ts';

let fake: FakeSlack | undefined;
afterEach(() => fake?.close());

const start = async (mode: FakeSlackMode) => {
  fake = await FakeSlack.start({ mode });
  const f = fake;
  const call = async (method: string, params: Record<string, string> = {}) => {
    const res = await fetch(`${f.url}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${f.token}` },
      body: new URLSearchParams(params),
    });
    return (await res.json()) as Record<string, unknown> & { user?: Record<string, unknown> };
  };
  return { fake: f, call };
};

const profileOf = (answer: { user?: Record<string, unknown> } | undefined): Record<string, unknown> => {
  const profile = answer?.user?.profile;
  if (typeof profile !== 'object' || profile === null) throw new Error('users.info answered no profile');
  return profile as Record<string, unknown>;
};

describe('FakeSlack answers in full and minimal modes', () => {
  it('users.info: full carries the documented profile, minimal only id, handle and image_*', async () => {
    const full = await start('full');
    full.fake.addUser({ id: 'U1', name: 'Alice Example', email: 'alice@example.com' });
    const user = (await full.call('users.info', { user: 'U1' })).user;
    expect(user).toMatchObject({
      id: 'U1',
      name: 'alice.example',
      real_name: 'Alice Example',
      is_bot: false,
    });
    expect(user?.profile).toMatchObject({ display_name: 'Alice Example', email: 'alice@example.com' });
    await fake?.close();

    const minimal = await start('minimal');
    minimal.fake.addUser({ id: 'U1', name: 'Alice Example', email: 'alice@example.com' });
    const bare = (await minimal.call('users.info', { user: 'U1' })).user;
    expect(Object.keys(bare ?? {}).sort()).toEqual(['id', 'is_bot', 'name', 'profile']);
    expect(Object.keys(bare?.profile as object).every((k) => k.startsWith('image_'))).toBe(true);
  });

  it('users.info kinds: guests, Slack Connect users and bots never carry an email', async () => {
    const { fake: f, call } = await start('full');
    f.addUser({ id: 'U2', name: 'Gus Guest', email: 'g@example.com', kind: 'guest' });
    f.addUser({ id: 'U3', name: 'Ext Ern', email: 'e@example.com', kind: 'external' });
    f.addUser({ id: 'U4', name: 'Bo Bot', email: 'b@example.com', kind: 'bot' });
    const [guest, external, bot] = await Promise.all(
      ['U2', 'U3', 'U4'].map((user) => call('users.info', { user })),
    );
    expect(guest?.user).toMatchObject({ is_restricted: true });
    expect(external?.user).toMatchObject({ is_stranger: true, team_id: 'T0EXTERNAL' });
    expect(profileOf(external).display_name).toBeUndefined();
    expect(bot?.user).toMatchObject({ is_bot: true });
    for (const answer of [guest, external, bot]) expect(profileOf(answer).email).toBeUndefined();
  });

  it('auth.test and conversations.history: minimal leaves out bot_id, pin_count and a last-page cursor', async () => {
    const { fake: f, call } = await start('minimal');
    f.addMessage({ channel: 'C1', text: 'hi', user: 'U1' });
    expect((await call('auth.test')).bot_id).toBeUndefined();
    const history = await call('conversations.history', { channel: 'C1' });
    expect(Object.keys(history).sort()).toEqual(['has_more', 'messages', 'ok']);
    expect(history.messages).toEqual([{ type: 'message', text: 'hi', ts: expect.any(String) }]);
  });

  it('conversations.history with oldest: the window starts there and pages forward', async () => {
    const { fake: f, call } = await start('full');
    const ts = Array.from({ length: 5 }, (_, i) =>
      f.addMessage({ channel: 'C1', text: `m${i}`, user: 'U1' }),
    );
    const first = await call('conversations.history', { channel: 'C1', oldest: ts[1] ?? '', limit: '2' });
    expect((first.messages as { text: string }[]).map((m) => m.text)).toEqual(['m2', 'm3']);
    expect(first).toMatchObject({ has_more: true, pin_count: 0 });
    const inclusive = await call('conversations.history', {
      channel: 'C1',
      oldest: ts[1] ?? '',
      inclusive: 'true',
    });
    expect((inclusive.messages as { text: string }[]).map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect((await call('conversations.history', { channel: 'C1', oldest: 'soon' })).error).toBe(
      'invalid_ts_oldest',
    );
  });
});
