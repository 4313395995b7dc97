import type { FakeSlack } from '@zenslackchat/adapters-slack/fake';

/**
 * Watches the fake Slack for the bot's confirmations and on-call notices and notes when each
 * thread got them (polling every 2 ms, reading only new messages), for end-to-end latencies.
 */
export class PostWatcher {
  readonly confirmedAt = new Map<string, number>();
  readonly noticedAt = new Map<string, number>();
  readonly #slack: FakeSlack;
  readonly #timer: NodeJS.Timeout;
  #seen = 0;

  constructor(slack: FakeSlack) {
    this.#slack = slack;
    this.#timer = setInterval(() => this.#scan(), 2);
  }

  #scan(): void {
    const messages = this.#slack.messages;
    const now = performance.now();
    for (; this.#seen < messages.length; this.#seen += 1) {
      const message = messages[this.#seen];
      if (message?.threadTs === undefined) continue;
      if (message.text.startsWith('Hello, your new support request'))
        this.confirmedAt.set(message.threadTs, now);
      if (message.text.startsWith('Primary on call:')) this.noticedAt.set(message.threadTs, now);
    }
  }

  /** Resolves once every thread in `threads` has its on-call notice (the last post). */
  async allDone(threads: readonly string[], timeoutMs = 300_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (!threads.every((ts) => this.noticedAt.has(ts))) {
      if (performance.now() > deadline) throw new Error('issues not all answered in time');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Math.max(...threads.map((ts) => this.noticedAt.get(ts) ?? 0));
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
