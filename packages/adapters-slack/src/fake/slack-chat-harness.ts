import type { ChatHarness, FaultKind, FaultOptions, RecordedMessage } from '@zenslackchat/core/testing';
import { normaliseMessageEvent } from '../events/normalise-slack-message.ts';
import { SlackChatAdapter } from '../slack-chat-adapter.ts';
import type { SlackChatAdapterOptions } from '../slack-chat-config.ts';
import { FakeSlack, type FakeSlackOptions } from './fake-slack.ts';
import { fileShareEventOf } from './fake-slack-files.ts';

/** A ChatPort harness backed by a fresh FakeSlack, plus the fake itself for extra assertions. */
export interface SlackChatHarness extends ChatHarness {
  readonly port: SlackChatAdapter;
  readonly fake: FakeSlack;
}

/** Client timeout the harness uses; an injected `timeout` answers well after it. */
const HARNESS_TIMEOUT_MS = 1000;

/**
 * Builds the core ChatPort contract harness: a FakeSlack and a SlackChatAdapter pointed at it
 * (short timeout, no caching of unknown users). `close()` stops the fake.
 */
export async function slackChatHarness(
  options: { readonly fake?: FakeSlackOptions; readonly adapter?: Partial<SlackChatAdapterOptions> } = {},
): Promise<SlackChatHarness> {
  const fake = await FakeSlack.start(options.fake);
  const port = new SlackChatAdapter({
    token: fake.token,
    apiUrl: fake.url,
    timeoutMs: HARNESS_TIMEOUT_MS,
    unknownUserTtlMs: 0,
    ...options.adapter,
  });
  return {
    port,
    fake,
    addUser: (user) => fake.addUser(user),
    posted: (): readonly RecordedMessage[] =>
      fake.messages.map((m) => ({
        id: m.ts,
        channel: m.channel,
        text: m.text,
        ...(m.threadTs === undefined ? {} : { threadId: m.threadTs }),
      })),
    failNext: (kind: FaultKind, fault: FaultOptions = {}) =>
      fake.failNext(kind, {
        ...(fault.count === undefined ? {} : { count: fault.count }),
        ...(fault.retryAfterMs === undefined ? {} : { retryAfterMs: fault.retryAfterMs }),
        ...(kind === 'timeout' ? { delayMs: HARNESS_TIMEOUT_MS * 4 } : {}),
      }),
    shareFile: (content) => {
      // The file as the file_share event carries it, read by the adapter's own normaliser.
      const object = fake.files.add(
        { name: content.name, mimetype: content.mimeType, bytes: content.bytes },
        'U0ALICE',
      );
      const ts = fake.addMessage({ channel: 'C0SUPPORT', user: 'U0ALICE', text: '' });
      const message = fake.messages.find((m) => m.ts === ts);
      const event =
        message === undefined ? undefined : fileShareEventOf(message, fake.identity.teamId, [object]);
      const file = normaliseMessageEvent('Ev0SHARE', event)?.files[0];
      if (file === undefined) throw new Error('FakeSlack: the file_share event did not normalise');
      return file;
    },
    filesIn: (channel, threadId) =>
      fake.uploads.sharedIn(channel, threadId).map((f) => ({
        name: f.name,
        mimeType: 'application/octet-stream',
        bytes: f.bytes ?? new Uint8Array(),
      })),
    close: () => fake.close(),
  };
}
