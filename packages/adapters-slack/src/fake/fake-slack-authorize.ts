import type { ServerResponse } from 'node:http';
import type { FakeSlackState } from './fake-slack-state.ts';

/**
 * https://api.slack.com/authentication/oauth-v2#asking (the authorize step and its redirect with
 * `code` and `state`, or `error=access_denied`).
 * Slack's authorize page stand-in: approves at once and redirects to `redirect_uri` with a fresh
 * code and the `state` it was given (or `error=access_denied` when asked with `deny=1`, as if the
 * installer clicked Cancel). Answers 400 for an unknown client or a missing redirect URI.
 */
export function handleAuthorize(state: FakeSlackState, url: URL, res: ServerResponse): void {
  const query = url.searchParams;
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== state.identity.clientId || redirectUri === null) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('invalid_client_id or missing redirect_uri');
    return;
  }
  const target = new URL(redirectUri);
  const stateParam = query.get('state');
  if (stateParam !== null) target.searchParams.set('state', stateParam);
  if (query.get('deny') === '1') {
    target.searchParams.set('error', 'access_denied');
  } else {
    const code = state.nextId('fake-code-');
    state.codes.set(code, { redirectUri, scopes: query.get('scope') ?? '' });
    target.searchParams.set('code', code);
  }
  res.writeHead(302, { Location: target.toString() });
  res.end();
}
