import type { ChatHarness, FaultKind, FaultOptions, RecordedMessage } from '@zenslackchat/core/testing';
import { SlackChatAdapter } from '../slack-chat-adapter.ts';
import type { SlackChatAdapterOptions } from '../slack-chat-config.ts';
import { FakeSlack, type FakeSlackOptions } from './fake-slack.ts';

/** A ChatPort harness backed by a fresh FakeSlack, plus the fake itself for extra assertions. */
export interface SlackChatHarness extends ChatHarness {
  readonly port: SlackChatAdapter;
  readonly fake: FakeSlack;
}

/** Client timeout the harness uses; an injected `timeout` answers well after it. */
const HARNESS_TIMEOUT_MS = 300;

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
    close: () => fake.close(),
  };
}
