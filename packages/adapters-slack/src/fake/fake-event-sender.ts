import { eventCallback } from './fixtures.ts';
import { signSlackRequest } from './sign-slack-request.ts';

// Delivery as Slack documents it: a signed POST of the event_callback envelope, retried with
// X-Slack-Retry-Num / X-Slack-Retry-Reason, https://api.slack.com/apis/connections/events-api#retries
// and signing: https://api.slack.com/authentication/verifying-requests-from-slack

/** Where and how the fake delivers Events API requests, like a Slack app's event subscription. */
export interface FakeAppConnection {
  /** The bot's request URL, e.g. `http://127.0.0.1:3000/slack/events/`. */
  readonly requestUrl: string;
  readonly signingSecret: string;
  /** Put in the payload's legacy `token` field. */
  readonly verificationToken?: string;
  /** Also deliver the bot's own chat.postMessage posts back as message events, as Slack does. */
  readonly echoBotPosts?: boolean;
}

/** One delivery attempt and the bot's answer. */
export interface FakeDelivery {
  readonly eventId: string;
  readonly retryNum: number | undefined;
  readonly status: number;
  readonly body: string;
}

/** Options of one delivery. */
export interface DeliverOptions {
  readonly eventId?: string;
  /** Sent as `X-Slack-Retry-Num` (with `X-Slack-Retry-Reason`) to simulate a redelivery. */
  readonly retryNum?: number;
  readonly retryReason?: string;
}

/** Signs and posts event payloads to the connected app, recording every answer. */
export class FakeEventSender {
  readonly deliveries: FakeDelivery[] = [];
  readonly #pending = new Set<Promise<unknown>>();
  #connection: FakeAppConnection | undefined;
  #sequence = 0;

  /** Sets (or replaces) the app the events go to. */
  connect(connection: FakeAppConnection): void {
    this.#connection = connection;
  }

  /** Whether the bot's own posts are echoed back. */
  get echoesBotPosts(): boolean {
    return this.#connection?.echoBotPosts === true;
  }

  /** Wraps `event` in an `event_callback` envelope, signs it with the current time and posts it. */
  async deliver(event: object, options: DeliverOptions = {}): Promise<FakeDelivery> {
    const connection = this.#connection;
    if (connection === undefined) throw new Error('FakeSlack: connectApp() first');
    this.#sequence += 1;
    const eventId = options.eventId ?? `Ev0FAKE${this.#sequence}`;
    const body = JSON.stringify(
      eventCallback(event, {
        eventId,
        eventTime: Math.floor(Date.now() / 1000),
        ...(connection.verificationToken === undefined ? {} : { token: connection.verificationToken }),
      }),
    );
    const retry =
      options.retryNum === undefined
        ? {}
        : {
            'x-slack-retry-num': String(options.retryNum),
            'x-slack-retry-reason': options.retryReason ?? 'http_error',
          };
    const response = await fetch(connection.requestUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signSlackRequest(body, connection.signingSecret, Math.floor(Date.now() / 1000)),
        ...retry,
      },
      body,
    });
    const delivery = {
      eventId,
      retryNum: options.retryNum,
      status: response.status,
      body: await response.text(),
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Delivers in the background (for echoes); failures are recorded as status 0. */
  deliverLater(event: object): void {
    const sending = this.deliver(event).catch((error: unknown) => {
      this.deliveries.push({ eventId: '', retryNum: undefined, status: 0, body: String(error) });
    });
    this.#pending.add(sending);
    void sending.finally(() => this.#pending.delete(sending));
  }

  /** Waits for background deliveries to finish. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
