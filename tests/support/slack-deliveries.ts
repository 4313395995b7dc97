import { setTimeout as sleep } from 'node:timers/promises';
import { signSlackRequest } from '@zenslackchat/adapters-slack/fake';
import { messageEnvelope } from './slack-requests.ts';

/** One Slack message event with its fixed event id (the same on every redelivery). */
export interface SlackEventDelivery {
  readonly eventId: string;
  readonly event: Readonly<Record<string, unknown>>;
}

/** Where events go and how they are signed. */
export interface SlackTarget {
  readonly url: string;
  readonly signingSecret: string;
}

/**
 * Delivers an event once, signed now, with `X-Slack-Retry-Num` when `retryNum` is set. Resolves
 * with the HTTP status, or 0 when the bot could not be reached or took longer than Slack's 3 s.
 */
export async function deliverOnce(
  target: SlackTarget,
  delivery: SlackEventDelivery,
  retryNum?: number,
): Promise<number> {
  const body = JSON.stringify(messageEnvelope(delivery.event, delivery.eventId));
  const retry =
    retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' };
  try {
    const response = await fetch(`${target.url}/slack/events/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signSlackRequest(body, target.signingSecret, Math.floor(Date.now() / 1000)),
        ...retry,
      },
      body,
      signal: AbortSignal.timeout(3000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * Delivers as Slack does when the bot is down or slow: retries (numbered) until answered 200, with
 * a short pause between attempts (Slack waits minutes; the outcome is the same, only slower).
 */
export async function deliverUntilAcked(
  target: SlackTarget,
  delivery: SlackEventDelivery,
  options: { readonly firstRetryNum?: number; readonly pauseMs?: number; readonly deadlineMs?: number } = {},
): Promise<number> {
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  let attempt = options.firstRetryNum ?? 0;
  for (;;) {
    const status = await deliverOnce(target, delivery, attempt === 0 ? undefined : attempt);
    if (status === 200) return attempt + 1;
    if (status !== 0 && status < 500) throw new Error(`event ${delivery.eventId} refused with ${status}`);
    if (Date.now() > deadline) throw new Error(`event ${delivery.eventId} never acknowledged`);
    attempt += 1;
    await sleep(options.pauseMs ?? 250);
  }
}
