import { chatMessageOf, type GraphContext, graphError, graphForbidden } from './fake-graph-answers.ts';
import type { Answer } from './fake-teams-http.ts';
import type { FakeTeamsState } from './fake-teams-state.ts';

/** Graph's default and largest `$top` for channel messages and replies (the list pages below). */
const DEFAULT_TOP = 20;
const MAX_TOP = 50;

const ROUTE = /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages(?:\/([^/]+)\/replies)?$/;

/**
 * `GET /teams/{team-id}/channels/{channel-id}/messages` ("List channel messages",
 * https://learn.microsoft.com/en-us/graph/api/channel-list-messages: top-level posts without
 * replies, `$top` up to 50 (default 20), no other query option) and
 * `GET …/messages/{message-id}/replies` ("List replies",
 * https://learn.microsoft.com/en-us/graph/api/chatmessage-list-replies: `$top` up to 50).
 * Newest first; more pages through `@odata.nextLink` with an opaque `$skiptoken`
 * (https://learn.microsoft.com/en-us/graph/paging). `path` is below the version root.
 */
export function answerGraph(
  state: FakeTeamsState,
  context: GraphContext,
  path: string,
  query: URLSearchParams,
): Answer {
  const route = ROUTE.exec(path);
  if (route?.[1] === undefined || route[2] === undefined) {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`);
  }
  const teamId = decodeURIComponent(route[1]);
  const channel = decodeURIComponent(route[2]);
  if (teamId !== context.teamId) return graphError(404, 'NotFound', `No team found with Group Id ${teamId}`);
  if (!state.channels.has(channel)) return graphError(404, 'NotFound', 'Channel not found.');
  if (!state.graphConsent) return graphForbidden();
  const unsupported = [...query.keys()].find((k) => k !== '$top' && k !== '$skiptoken');
  if (unsupported !== undefined) {
    return graphError(400, 'BadRequest', `Query option '${unsupported}' is not supported.`);
  }
  const top = query.has('$top') ? Number(query.get('$top')) : DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    return graphError(
      400,
      'BadRequest',
      `Invalid page size requested. Page size must be between 1 and ${MAX_TOP}.`,
    );
  }
  const rootId = route[3] === undefined ? undefined : decodeURIComponent(route[3]);
  if (rootId !== undefined && state.root(channel, rootId) === undefined) {
    return graphError(404, 'NotFound', 'Message not found.');
  }
  const offset = skipOffset(query.get('$skiptoken'));
  if (offset === undefined) return graphError(400, 'BadRequest', 'Invalid skip token.');
  const listed = state.messages
    .filter((m) => m.channel === channel && m.rootId === rootId)
    .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime) || Number(b.id) - Number(a.id));
  const page = listed.slice(offset, offset + top);
  const more = offset + top < listed.length;
  const base = `${context.graphUrl}${path}`;
  const next = new URLSearchParams({ $top: String(top), $skiptoken: skipToken(offset + top) });
  return {
    status: 200,
    body: {
      '@odata.context': `${context.graphUrl}/$metadata#teams('${teamId}')/channels('${channel}')/messages`,
      '@odata.count': page.length,
      ...(more ? { '@odata.nextLink': `${base}?${next}` } : {}),
      value: page.map((m) => chatMessageOf(m, context)),
    },
  };
}

const skipToken = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

function skipOffset(token: string | null): number | undefined {
  if (token === null) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 ? o : undefined;
  } catch {
    return undefined;
  }
}
