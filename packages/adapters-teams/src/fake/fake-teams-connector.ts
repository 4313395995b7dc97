import { parseConversationId } from '../thread-conversation-id.ts';
import { type Answer, connectorError } from './fake-teams-http.ts';
import type { FakeTeamsState } from './fake-teams-state.ts';

/** A message activity's text (and format) from a request body, or the 400 Bot Connector answers. */
function messageActivity(raw: string): { text: string; textFormat?: string } | Answer {
  let activity: { type?: unknown; text?: unknown; textFormat?: unknown };
  try {
    activity = JSON.parse(raw) as typeof activity;
  } catch {
    return connectorError(400, 'BadSyntax', 'The request body is not valid JSON.');
  }
  if (activity === null || typeof activity !== 'object' || activity.type !== 'message') {
    return connectorError(400, 'BadArgument', 'Activity type must be "message".');
  }
  if (typeof activity.text !== 'string' || activity.text === '') {
    return connectorError(400, 'BadArgument', 'Message text is empty.');
  }
  return {
    text: activity.text,
    ...(typeof activity.textFormat === 'string' ? { textFormat: activity.textFormat } : {}),
  };
}

/**
 * `POST /v3/conversations/{conversationId}/activities` (Send to conversation): a channel id makes
 * a new post, `{channel};messageid={root}` a reply in that thread. Answers 201 with a
 * `ResourceResponse { id }`: https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#send-to-conversation; an unknown conversation is 404 (same page, ErrorResponse).
 */
export function sendToConversation(
  state: FakeTeamsState,
  conversationId: string,
  raw: string,
  botId: string,
): Answer {
  const activity = messageActivity(raw);
  if ('status' in activity) return activity;
  const { channel, rootId } = parseConversationId(conversationId);
  if (!state.channels.has(channel))
    return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
  if (rootId !== undefined && state.root(channel, rootId) === undefined) {
    return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
  }
  const id = state.nextMessageId();
  state.messages.push({
    id,
    channel,
    from: botId,
    text: activity.text,
    createdDateTime: new Date().toISOString(),
    ...(rootId === undefined ? {} : { rootId }),
    ...(typeof activity.textFormat === 'string' ? { textFormat: activity.textFormat } : {}),
  });
  return { status: 201, body: { id } };
}

/**
 * `PUT /v3/conversations/{conversationId}/activities/{activityId}` (Update activity): replaces the
 * text of a message the bot sent in that conversation (a reply through its thread's conversation
 * id). Answers 200 with a `ResourceResponse { id }`; an unknown conversation or activity is 404, a
 * message another sender posted 403:
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#update-activity
 */
export function updateActivity(
  state: FakeTeamsState,
  conversationId: string,
  activityId: string,
  raw: string,
  botId: string,
): Answer {
  const activity = messageActivity(raw);
  if ('status' in activity) return activity;
  const { channel, rootId } = parseConversationId(conversationId);
  const index = state.messages.findIndex(
    (m) =>
      m.channel === channel && m.id === activityId && (m.rootId ?? activityId) === (rootId ?? activityId),
  );
  const found = state.messages[index];
  if (found === undefined) return connectorError(404, 'ActivityNotFound', 'Activity not found.');
  if (found.from !== botId)
    return connectorError(403, 'Forbidden', 'The bot can only update its own activities.');
  state.messages[index] = {
    ...found,
    text: activity.text,
    ...(typeof activity.textFormat === 'string' ? { textFormat: activity.textFormat } : {}),
  };
  return { status: 200, body: { id: activityId } };
}

/**
 * `GET /v3/conversations/{conversationId}/members/{memberId}` (Get conversation member): a
 * `TeamsChannelAccount` (`id`, `name`, `aadObjectId`, `email`, `userPrincipalName`, `userRole`,
 * `tenantId`), 404 `MemberNotFoundInConversation` otherwise:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details
 */
export function getMember(
  state: FakeTeamsState,
  conversationId: string,
  memberId: string,
  tenantId: string,
): Answer {
  const { channel } = parseConversationId(conversationId);
  if (!state.channels.has(channel))
    return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
  const member = state.members.get(memberId);
  if (member === undefined) {
    return connectorError(404, 'MemberNotFoundInConversation', 'The member is not in this conversation.');
  }
  return {
    status: 200,
    body: {
      id: member.id,
      name: member.name ?? '',
      aadObjectId: '00000000-0000-4000-8000-000000000001',
      ...(member.email === undefined ? {} : { email: member.email, userPrincipalName: member.email }),
      tenantId,
      userRole: 'user',
    },
  };
}
