import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeResponse, RecordedRequest } from './fake-records.ts';

/** The recorded body of a request whose JSON did not parse. */
export const INVALID_JSON = Symbol('invalid JSON');

/**
 * Zendesk's answer to a body that is not JSON: a 400 with its error envelope (`error`,
 * `description`). https://developer.zendesk.com/api-reference/introduction/requests/
 */
export const BAD_JSON: FakeResponse = {
  status: 400,
  body: { error: 'InvalidJSON', description: 'The body is not valid JSON' },
};

/** Reads a request whole: JSON or form body parsed, header names lower-cased. */
export async function readRequest(req: IncomingMessage, url: URL): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const raw = bytes.toString();
  const type = req.headers['content-type'] ?? '';
  let body: unknown;
  // Uploads carry the file's raw bytes, not JSON (fake-uploads-api.ts).
  if (/^\/api\/v2\/uploads(\.json)?$/.test(url.pathname)) {
    body = bytes;
  } else if (raw.length > 0 && type.includes('application/x-www-form-urlencoded')) {
    body = Object.fromEntries(new URLSearchParams(raw));
  } else if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = INVALID_JSON;
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
}

/** Writes an answer unless the caller has gone (e.g. after its timeout). */
export function writeResponse(res: ServerResponse, response: FakeResponse): void {
  if (res.destroyed) return;
  const { body } = response;
  // Files (attachment downloads) are written as they are.
  const binary = Buffer.isBuffer(body);
  const text = typeof body === 'string';
  const headers = {
    'content-type': binary
      ? 'application/octet-stream'
      : text
        ? 'text/plain'
        : 'application/json; charset=utf-8',
    ...response.headers,
  };
  res.writeHead(response.status, headers);
  res.end(body === undefined ? undefined : binary || text ? body : JSON.stringify(body));
}

/** Writes the first half of an answer's JSON, as a connection dropped mid-body leaves it. */
export function writeTruncated(res: ServerResponse, response: FakeResponse): void {
  if (res.destroyed) return;
  const json = JSON.stringify(response.body ?? {});
  res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(json.slice(0, Math.floor(json.length / 2)));
}
