import { threadConversationId } from '../thread-conversation-id.ts';
import type { FakeTeams } from './fake-teams.ts';

/** What a person did in a channel, for `messageActivityOf`. */
export interface ChannelMessageInput {
  /** The message's id (Teams: epoch ms); a new one from the fake when absent. */
  readonly id?: string;
  readonly channel: string;
  /** The thread root's id when this is a reply. */
  readonly rootId?: string;
  readonly from: { readonly id: string; readonly name?: string; readonly role?: 'user' | 'bot' };
  /** HTML, as Teams sends it (`<p>…</p>`). */
  readonly html: string;
  readonly type?: 'message' | 'messageUpdate' | 'messageDelete';
  readonly timestamp?: string;
  /** Mention the bot (`<at>Bot</at>` plus its mention entity), as "@Bot resolve" arrives. */
  readonly mentionBot?: boolean;
}

const BOT_NAME = 'Support Bot';

/**
 * An activity as the Bot Connector sends a channel message (and its edit or deletion) to a bot
 * with the `ChannelMessage.Read.Group` permission. Shape from
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
 * and https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
 * (a channel post's conversation id carries `;messageid=<root>`, for the root itself its own id).
 */
export function messageActivityOf(fake: FakeTeams, input: ChannelMessageInput): Record<string, unknown> {
  const id = input.id ?? fake.state.nextMessageId();
  const type = input.type ?? 'message';
  const bot = { id: `28:${fake.app.appId}`, name: BOT_NAME };
  const mention = `<at>${BOT_NAME}</at>`;
  const html = input.mentionBot ? input.html.replace(/^<p>/, `<p>${mention} `) : input.html;
  // A person's post exists in the channel (a bot may reply to it) before the activity is sent.
  if (type === 'message') {
    fake.state.messages.push({
      id,
      channel: input.channel,
      text: html,
      from: input.from.id,
      createdDateTime: input.timestamp ?? new Date().toISOString(),
      ...(input.rootId === undefined ? {} : { rootId: input.rootId }),
    });
  }
  const eventType = { message: undefined, messageUpdate: 'editMessage', messageDelete: 'softDeleteMessage' }[
    type
  ];
  return {
    type,
    id,
    timestamp: input.timestamp ?? new Date().toISOString(),
    localTimestamp: input.timestamp ?? new Date().toISOString(),
    serviceUrl: fake.serviceUrl,
    channelId: 'msteams',
    from: {
      id: input.from.id,
      name: input.from.name ?? '',
      aadObjectId: '00000000-0000-4000-8000-000000000002',
      ...(input.from.role === undefined ? {} : { role: input.from.role }),
    },
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: fake.app.tenantId,
      id: threadConversationId(input.channel, input.rootId ?? id),
    },
    recipient: bot,
    textFormat: 'plain',
    ...(type === 'messageDelete' ? {} : { text: html }),
    attachments: type === 'messageDelete' ? [] : [{ contentType: 'text/html', content: html }],
    entities: [
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web' },
      ...(input.mentionBot ? [{ type: 'mention', mentioned: bot, text: mention }] : []),
    ],
    channelData: {
      teamsChannelId: input.channel,
      teamsTeamId: '19:team0000000000000000000000000000@thread.tacv2',
      channel: { id: input.channel },
      team: { id: '19:team0000000000000000000000000000@thread.tacv2' },
      tenant: { id: fake.app.tenantId },
      ...(eventType === undefined ? {} : { eventType }),
    },
    locale: 'en-US',
  };
}

/** POSTs `activity` to the bot at `url` as the Bot Connector does, with `authorization` (or none). */
export async function sendActivity(
  url: string,
  activity: unknown,
  authorization?: string,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify(activity),
  });
}
