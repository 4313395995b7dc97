import { request } from 'node:http';

/** One HTTP answer: status and body text. */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * Sends a request with exactly these headers (Host and Content-Length included when given),
 * which `fetch` would refuse or rewrite. Resolves status 0 (and the error as the body) when the connection failed.
 */
export function rawRequest(
  url: string,
  method: string,
  headers: Readonly<Record<string, string>>,
  body: Buffer | undefined,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers, timeout: 5000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('error', (error) => resolve({ status: 0, body: error.message }));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}
