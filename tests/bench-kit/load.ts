import { Agent, request } from 'node:http';

/** A request the load generator sends: path, headers and body. */
export interface LoadRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a load run measured. */
export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** The q-quantile (0..1) of sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Rounds for tables. */
export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** Posts requests to one origin over keep-alive connections, timing each. */
export class LoadClient {
  readonly #agent: Agent;
  readonly #origin: URL;

  constructor(origin: string, connections: number) {
    this.#origin = new URL(origin);
    this.#agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Sends one request; resolves its status (0 on a network error) and latency in ms. */
  send(load: LoadRequest): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    return new Promise((resolve) => {
      const req = request(
        {
          host: this.#origin.hostname,
          port: this.#origin.port,
          path: load.path,
          method: 'POST',
          agent: this.#agent,
          headers: { ...load.headers, 'content-length': Buffer.byteLength(load.body) },
          // Slack gives up after 3 s; so does the load generator.
          timeout: 3_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        },
      );
      req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
      req.on('timeout', () => req.destroy());
      req.end(load.body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

function summarise(latencies: number[], ok: number, errors: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    sent: ok + errors,
    ok,
    errors,
    seconds: round(seconds, 2),
    perSecond: round(ok / seconds),
    p50Ms: round(quantile(latencies, 0.5), 2),
    p99Ms: round(quantile(latencies, 0.99), 2),
  };
}

/** Closed loop: `concurrency` senders, each sending the next request when the last is answered. */
export async function closedLoop(
  client: LoadClient,
  options: { readonly concurrency: number; readonly durationMs: number },
  next: (i: number) => LoadRequest,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const lane = async () => {
    while (performance.now() < deadline) {
      const answer = await client.send(next(i++));
      latencies.push(answer.ms);
      if (answer.status === 200) ok += 1;
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return summarise(latencies, ok, errors, (performance.now() - started) / 1000);
}

/** Open loop: sends at a fixed rate whatever the answers, as Slack does; latency per request. */
export async function openLoop(
  client: LoadClient,
  options: { readonly perSecond: number; readonly durationMs: number },
  next: (i: number) => LoadRequest,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const total = Math.round((options.perSecond * options.durationMs) / 1000);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / options.perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      client.send(next(i)).then((answer) => {
        latencies.push(answer.ms);
        if (answer.status === 200) ok += 1;
        else errors += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  return summarise(latencies, ok, errors, (performance.now() - started) / 1000);
}
