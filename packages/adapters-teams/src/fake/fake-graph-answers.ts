import type { PendingFault } from '@zenslackchat/adapter-kit';
import type { FaultKind } from '@zenslackchat/core/testing';
import type { Answer } from './fake-teams-http.ts';
import type { FakeTeamsMessage } from './fake-teams-state.ts';

/**
 * Graph's error body `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`:
 * https://learn.microsoft.com/en-us/graph/errors
 */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Answer {
  const innerError = {
    date: new Date().toISOString(),
    'request-id': crypto.randomUUID(),
    'client-request-id': crypto.randomUUID(),
  };
  return {
    status,
    body: { error: { code, message, innerError } },
    ...(headers === undefined ? {} : { headers }),
  };
}

/** A bad or missing token: 401 `InvalidAuthenticationToken` (https://learn.microsoft.com/en-us/graph/errors). */
export const graphUnauthenticated = (): Answer =>
  graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');

/**
 * The team's owner has not granted the app's resource-specific consent, so the app-only token
 * carries no permission for it: 403 `Forbidden`
 * (https://learn.microsoft.com/en-us/graph/errors; the permission table of
 * https://learn.microsoft.com/en-us/graph/api/channel-list-messages).
 */
export const graphForbidden = (): Answer =>
  graphError(
    403,
    'Forbidden',
    "Missing role permissions on the request. API requires one of 'ChannelMessage.Read.Group, ChannelMessage.Read.All'. Roles on the request ''.",
  );

/**
 * Injected faults as Graph answers them: 429 with Retry-After
 * (https://learn.microsoft.com/en-us/graph/throttling), 503 `serviceNotAvailable` and 401
 * (https://learn.microsoft.com/en-us/graph/errors); undefined for `timeout` (served late).
 */
export function graphFaultAnswer(fault: PendingFault<FaultKind>): Answer | undefined {
  switch (fault.kind) {
    case 'rate-limited':
      return graphError(429, 'TooManyRequests', 'Too many requests.', {
        'Retry-After': String(Math.ceil(fault.retryAfterMs / 1000)),
      });
    case 'unavailable':
      return graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.');
    case 'unauthorized':
      return graphUnauthenticated();
    case 'timeout':
      return undefined;
  }
}

/** Where the fake's messages are, for the `chatMessage` shape. */
export interface GraphContext {
  readonly teamId: string;
  readonly appId: string;
  readonly graphUrl: string;
}

/**
 * A message as a Graph `chatMessage` (https://learn.microsoft.com/en-us/graph/api/resources/chatmessage):
 * the body as the HTML Teams stored (`contentType: html`), `from.application` (a
 * teamworkApplicationIdentity, `applicationIdentityType: bot`) for the bot's posts and
 * `from.user` (a teamworkUserIdentity) for a person's, `replyToId` on replies.
 */
export function chatMessageOf(message: FakeTeamsMessage, context: GraphContext): Record<string, unknown> {
  const bot = message.from === `28:${context.appId}`;
  return {
    id: message.id,
    replyToId: message.rootId ?? null,
    etag: message.id,
    messageType: 'message',
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.createdDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(message.channel)}/${message.id}`,
    policyViolation: null,
    eventDetail: null,
    from: {
      device: null,
      application: bot
        ? {
            '@odata.type': '#microsoft.graph.teamworkApplicationIdentity',
            id: context.appId,
            displayName: 'Support Bot',
            applicationIdentityType: 'bot',
          }
        : null,
      user: bot
        ? null
        : {
            '@odata.type': '#microsoft.graph.teamworkUserIdentity',
            id: '00000000-0000-4000-8000-000000000002',
            displayName: null,
            userIdentityType: 'aadUser',
          },
    },
    body: { contentType: 'html', content: message.text },
    channelIdentity: { teamId: context.teamId, channelId: message.channel },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}
