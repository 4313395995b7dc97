import { describe, expect, it } from 'vitest';
import { chatFileTests, chatUploadTests } from './chat-files-contract.ts';
import {
  expectFault,
  FAULT_CASES,
  faultCase,
  INJECTED_RETRY_AFTER_MS,
  useHarness,
} from './contract-helpers.ts';
import type { ChatCapabilities, ChatHarness, ChatPlatformFixtures, HarnessFactory } from './harness.ts';

/**
 * The ChatPort contract. `factory` builds a fresh harness per test (closed after it), with a
 * channel of the fake platform and the platform's markup, so the suite assumes no platform. Faults are
 * injected on `postMessage`, which adapters never cache; a `timeout` fault must outlast the
 * adapter's own timeout, so harnesses should configure a short one.
 */
export function chatPortContract(
  name: string,
  capabilities: ChatCapabilities,
  factory: HarnessFactory<ChatHarness & ChatPlatformFixtures>,
): void {
  describe(`ChatPort contract: ${name}`, () => {
    const harness = useHarness(factory);
    const channel = () => harness().channel;
    const post = (text: string, key: string, threadId?: string) =>
      harness().port.postMessage({ channel: channel(), text, key, ...(threadId ? { threadId } : {}) });

    it('posts a top-level message and a thread reply with distinct ids', async () => {
      const root = await post('Printer is on fire', 'k-root');
      const reply = await post('Have you tried water?', 'k-reply', root.id);
      expect(root.id).not.toBe('');
      expect(reply.id).not.toBe(root.id);
      const posted = await harness().posted();
      expect(posted).toHaveLength(2);
      expect(posted[0]).toMatchObject({ id: root.id, channel: channel() });
      expect(posted[0]?.threadId).toBeUndefined();
      expect(posted[1]).toMatchObject({ id: reply.id, channel: channel(), threadId: root.id });
    });

    it('posts text with markup characters safely, so it reads back as it was written', async () => {
      const text = 'if a < b && c > d then <@U1> is not a mention & <https://x> not a link';
      await post(text, 'k-markup');
      const [recorded] = await harness().posted();
      expect(recorded).toBeDefined();
      expect(await harness().port.toPlainText(recorded!.text)).toBe(text);
    });

    it.runIf((capabilities.userProfiles ?? 'full') === 'full')(
      'looks up known users with and without email, and unknown ones as undefined',
      async () => {
        await harness().addUser({ id: 'U0ALICE', name: 'Alice Example', email: 'alice@example.com' });
        await harness().addUser({ id: 'U0BOT', name: 'Some Bot' });
        expect(await harness().port.getUser('U0ALICE')).toMatchObject({
          id: 'U0ALICE',
          name: 'Alice Example',
          email: 'alice@example.com',
        });
        const bot = await harness().port.getUser('U0BOT');
        expect(bot).toMatchObject({ id: 'U0BOT', name: 'Some Bot' });
        expect(bot?.email).toBeUndefined();
        expect(await harness().port.getUser('U0NOBODY')).toBeUndefined();
      },
    );

    it.runIf(capabilities.userProfiles === 'minimal')(
      'looks up a user the platform tells little about, and unknown ones as undefined',
      async () => {
        await harness().addUser({ id: 'U0ALICE', name: 'Alice Example', email: 'alice@example.com' });
        const alice = await harness().port.getUser('U0ALICE');
        expect(alice?.id).toBe('U0ALICE');
        expect(alice?.name).toMatch(/\S/);
        expect(await harness().port.getUser('U0NOBODY')).toBeUndefined();
      },
    );

    it('knows its own identity', async () => {
      const self = await harness().port.whoAmI();
      expect(typeof self.userId).toBe('string');
      expect(self.userId).not.toBe('');
    });

    it('builds a permalink that names the channel', async () => {
      const { id } = await post('link me', 'k-link');
      const link = await harness().port.permalink(channel(), id);
      expect(link).toMatch(/^https?:\/\//);
      // Links may percent-encode the id (Teams' `19:…@thread.tacv2`); the channel must be in it.
      expect(decodeURIComponent(link)).toContain(channel());
    });

    it('converts mentions of known users and links to plain text', async () => {
      await harness().addUser({ id: 'U0ALICE', name: 'Alice Example' });
      const m = harness().markup;
      const plain = await harness().port.toPlainText(
        `${m.text('ask ')}${m.mention('U0ALICE', 'Alice Example')}${m.text(' about ')}` +
          `${m.link('https://example.com/doc', 'the doc')}${m.text(' & more')}`,
      );
      // The name the platform gives (the display name, or only the handle in minimal answers).
      const name = (await harness().port.getUser('U0ALICE'))?.name;
      if ((capabilities.userProfiles ?? 'full') === 'full') expect(name).toBe('Alice Example');
      expect(plain).toContain(String(name));
      expect(plain).toContain('https://example.com/doc');
      expect(plain).toContain('& more');
      expect(plain).not.toContain('<');
    });

    it('keeps a mention of an unknown user readable instead of failing', async () => {
      const m = harness().markup;
      const plain = await harness().port.toPlainText(
        `${m.text('ping ')}${m.mention('U0NOBODY', 'Nobody Known')}`,
      );
      // Platforms that carry only an id show the id; those whose mentions carry the name show it.
      expect(plain).toMatch(/U0NOBODY|Nobody Known/);
      expect(plain).not.toContain('<');
    });

    it.runIf(capabilities.findMessage)('finds a posted message by its key, and only by its key', async () => {
      const root = await post('root', 'k-find-root');
      const reply = await post('reply', 'k-find-reply', root.id);
      const find = harness().port.findMessage!.bind(harness().port);
      expect(await find(channel(), undefined, 'k-find-root')).toEqual({ id: root.id });
      expect(await find(channel(), root.id, 'k-find-reply')).toEqual({ id: reply.id });
      expect(await find(channel(), root.id, 'k-never-posted')).toBeUndefined();
      expect(await find(channel(), undefined, 'k-never-posted')).toBeUndefined();
    });

    it.runIf(capabilities.findMessage)(
      'finds a top-level post from its lower bound, past more than 100 later ones',
      async () => {
        const find = harness().port.findMessage!.bind(harness().port);
        const since = new Date();
        const first = await post('first', 'k-first');
        for (let i = 0; i < 105; i += 1) await post(`later ${i}`, `k-later-${i}`);
        expect(await find(channel(), undefined, 'k-first', { since })).toEqual({ id: first.id });
        expect(await find(channel(), undefined, 'k-later-104', { since })).toBeDefined();
        expect(await find(channel(), undefined, 'k-never-posted', { since })).toBeUndefined();
      },
    );

    it.runIf(capabilities.messageUpdates === true)(
      "replaces a posted message's text in place, idempotently; an unknown message is NotFound",
      async () => {
        const root = await post('root', 'k-update-root');
        const reply = await post('secret text', 'k-update-reply', root.id);
        const update = harness().port.updateMessage!.bind(harness().port);
        const change = { channel: channel(), threadId: root.id, messageId: reply.id, text: 'redacted' };
        await update(change);
        await update(change);
        const posted = await harness().posted();
        const mine = posted.filter((m) => m.id === reply.id);
        expect(mine).toHaveLength(1);
        expect(mine[0]?.text).toContain('redacted');
        expect(posted.some((m) => m.text.includes('secret text'))).toBe(false);
        await expect(update({ ...change, messageId: '1111111111.000001' })).rejects.toMatchObject({
          reason: 'NotFound',
        });
      },
    );

    for (const fault of FAULT_CASES) {
      it(`maps an injected ${fault.kind} fault to ${fault.reason}, then works again`, async () => {
        harness().failNext(fault.kind, { retryAfterMs: INJECTED_RETRY_AFTER_MS });
        await expectFault(post('during fault', `k-${fault.kind}`), fault);
        const after = await post('after fault', `k-${fault.kind}-after`);
        const posted = await harness().posted();
        expect(posted.map((m) => m.id)).toContain(after.id);
      });
    }

    it('fails as many calls as asked, then recovers', async () => {
      harness().failNext('unavailable', { count: 2 });
      await expectFault(post('one', 'k-1'), faultCase('unavailable'));
      await expectFault(post('two', 'k-2'), faultCase('unavailable'));
      await expect(post('three', 'k-3')).resolves.toHaveProperty('id');
    });
    chatFileTests(harness, capabilities);
    chatUploadTests(harness, capabilities);
  });
}
