import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The answer the proxy gives instead of the vendor's while an outage lasts. */
export interface OutageAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
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
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
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
