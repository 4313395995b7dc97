import type { IncomingMessage } from 'node:http';

/**
 * What the fake read from a Web API request: form-encoded or JSON arguments, the token from the
 * Authorization header or the `token` argument (https://api.slack.com/web#basics,
 * https://api.slack.com/web#posting_json).
 */
export interface ReadParams {
  readonly params: Record<string, unknown>;
  readonly token: string | undefined;
  readonly contentType: string;
}

const MAX_BODY = 1024 * 1024;

/**
 * Reads a Web API request as Slack does: query string, then a form-encoded or JSON body; the
 * token from `Authorization: Bearer` or the `token` param; client credentials from Basic auth.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<ReadParams> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) break;
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  if (contentType === 'application/json' && body !== '') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) Object.assign(params, parsed);
    } catch {
      params.__invalid_json = true;
    }
  } else if (body !== '') {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  }

  const authorization = req.headers.authorization ?? '';
  let token = typeof params.token === 'string' ? params.token : undefined;
  if (authorization.startsWith('Bearer ')) token = authorization.slice('Bearer '.length);
  if (authorization.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(authorization.slice('Basic '.length), 'base64').toString().split(':');
    params.client_id ??= id;
    params.client_secret ??= secret;
  }
  delete params.token;
  return { params, token, contentType };
}
