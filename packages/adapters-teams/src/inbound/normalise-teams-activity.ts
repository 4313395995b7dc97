import type { ChatEvent, ChatFile } from '@zenslackchat/core';
import { TEAMS } from '../teams-errors.ts';
import { parseConversationId } from '../thread-conversation-id.ts';
import type { TeamsActivity } from './teams-activity.ts';

/** Subtypes for edits and deletions, the names the core already ignores (as it does Slack's). */
export const TEAMS_SUBTYPES = { edit: 'message_changed', delete: 'message_deleted' } as const;

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

/** The id under which the intake records an activity, unique per delivery of one change. */
export function activityEventId(activity: TeamsActivity): string | undefined {
  if (activity.id === undefined) return undefined;
  // An edit or deletion carries the message's own id: tell each change apart by its time.
  return activity.type === 'message'
    ? activity.id
    : `${activity.type}:${activity.id}:${activity.timestamp ?? ''}`;
}

/**
 * A Teams message activity as the core's ChatEvent: the channel from the conversation id
 * (`19:…@thread.tacv2;messageid=<root>`), a reply when the root is another message, bots
 * (`28:<app id>`) by `botId`, edits and deletions as subtypes, files from file attachments, and
 * the text with mentions of the bot itself removed (people write "@Bot resolve"). Undefined when
 * the activity is not a channel message.
 */
export function normaliseTeamsActivity(activity: TeamsActivity): ChatEvent | undefined {
  const eventId = activityEventId(activity);
  if (eventId === undefined || activity.id === undefined) return undefined;
  const { channel, rootId } = parseConversationId(activity.conversation.id);
  const subtype =
    activity.type === 'messageUpdate'
      ? TEAMS_SUBTYPES.edit
      : activity.type === 'messageDelete'
        ? TEAMS_SUBTYPES.delete
        : undefined;
  if (activity.type !== 'message' && subtype === undefined) return undefined;
  const from = activity.from;
  const isBot = from?.role === 'bot' || from?.id.startsWith('28:') === true;
  return {
    eventId,
    platform: TEAMS,
    channel,
    messageId: activity.id,
    ...(rootId !== undefined && rootId !== activity.id ? { threadId: rootId } : {}),
    ...(from === undefined || isBot ? {} : { userId: from.id }),
    ...(isBot && from !== undefined ? { botId: from.id.replace(/^28:/, '') } : {}),
    ...(subtype === undefined ? {} : { subtype }),
    text: withoutBotMentions(activity),
    files: filesOf(activity),
  };
}

function withoutBotMentions(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && entity.mentioned?.id === botId && entity.text !== undefined) {
      text = text.split(entity.text).join('');
    }
  }
  return text;
}

function filesOf(activity: TeamsActivity): ChatFile[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === FILE_DOWNLOAD)
    .map((a) => {
      const content = (a.content ?? {}) as { downloadUrl?: unknown };
      const url = typeof content.downloadUrl === 'string' ? content.downloadUrl : a.contentUrl;
      return { name: a.name ?? 'file', ...(url === undefined ? {} : { url }) };
    });
}
