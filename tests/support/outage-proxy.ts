import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The answer the proxy gives instead of the vendor's while an outage lasts. */
export interface OutageAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A vendor answer held back by the proxy: the request reached the vendor, its answer has not come back. */
export interface HeldResponse {
  /** Settles once a matching request was forwarded and its answer is being held. */
  readonly reached: Promise<void>;
  /** Sends the held answer on. */
  release(): void;
}

interface Hold {
  readonly matches: (method: string, path: string) => boolean;
  readonly reached: () => void;
  readonly released: Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of a fake vendor that can play an outage for a while: every
 * request in the window gets the canned answer (e.g. 503, or 429 with Retry-After) and never
 * reaches the vendor. Counts what it refused and what it passed on.
 */
export class OutageProxy {
  readonly origin: string;
  #server: Server;
  #until = 0;
  #answer: OutageAnswer = { status: 503 };
  refused = 0;
  passed = 0;
  readonly #holds: Hold[] = [];

  private constructor(server: Server, origin: string) {
    this.#server = server;
    this.origin = origin;
  }

  /** Starts a proxy to `target` (an origin like `http://127.0.0.1:1234`) on a free local port. */
  static async start(target: string): Promise<OutageProxy> {
    const upstream = new URL(target);
    let proxy: OutageProxy | undefined;
    const server = createServer((req, res) => {
      if (proxy !== undefined && Date.now() < proxy.#until) {
        proxy.refused += 1;
        const answer = proxy.#answer;
        req.resume();
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body ?? JSON.stringify({ error: 'Outage', description: 'Injected by the test' }));
        return;
      }
      if (proxy !== undefined) proxy.passed += 1;
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const send = () => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          };
          const hold = proxy?.takeHold(req.method ?? 'GET', req.url ?? '/');
          if (hold === undefined) return send();
          hold.reached();
          void hold.released.then(send);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    proxy = new OutageProxy(server, `http://127.0.0.1:${port}`);
    return proxy;
  }

  /** Answers every request with `answer` for the next `ms` milliseconds. */
  outage(ms: number, answer: OutageAnswer): void {
    this.#answer = answer;
    this.#until = Date.now() + ms;
  }

  /**
   * Holds back the answer of the next request that `matches` (method, path with query): the
   * vendor has done the work, the caller is still waiting, until `release()`.
   */
  holdNextResponse(matches: (method: string, path: string) => boolean): HeldResponse {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#holds.push({ matches, reached, released });
    return { reached: reachedPromise, release };
  }

  private takeHold(method: string, path: string): Hold | undefined {
    const index = this.#holds.findIndex((hold) => hold.matches(method, path));
    return index < 0 ? undefined : this.#holds.splice(index, 1)[0];
  }

  /** Whether the outage is still on. */
  get down(): boolean {
    return Date.now() < this.#until;
  }

  /** Stops the proxy. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
