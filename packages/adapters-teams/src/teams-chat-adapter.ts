import { Client } from '@microsoft/teams.api';
import { UserCache } from '@zenslackchat/adapter-kit';
import type {
  ChatIdentity,
  ChatPort,
  ChatUser,
  FindMessageOptions,
  Logger,
  MessageUpdate,
  OutgoingMessage,
  PostedMessage,
} from '@zenslackchat/core';
import { IntegrationError, silentLogger } from '@zenslackchat/core';
import { deliveryMarker } from './graph/delivery-marker.ts';
import { GraphChannelMessages } from './graph/graph-channel-messages.ts';
import { TEAMS_DEFAULTS, type TeamsChatAdapterOptions } from './teams-chat-config.ts';
import { TEAMS, toTeamsIntegrationError } from './teams-errors.ts';
import { buildTeamsPermalink } from './teams-permalink.ts';
import { TeamsTokenProvider } from './teams-token-provider.ts';
import { plainToTeams } from './text/plain-to-teams.ts';
import { teamsToPlainText } from './text/teams-to-plain-text.ts';
import { threadConversationId } from './thread-conversation-id.ts';

/**
 * The core's `ChatPort` on Microsoft's Teams SDK (`@microsoft/teams.api`, the Bot Connector
 * REST API). No retries of its own (the job queue retries from the `IntegrationError` reasons);
 * members are cached. Every post ends with an invisible marker of its delivery key
 * (graph/delivery-marker.ts). The Bot Connector cannot list a channel, so `findMessage` reads it
 * through Microsoft Graph (graph/graph-channel-messages.ts) with the team's resource-specific
 * consent `ChannelMessage.Read.Group`; it exists only when `teamId` is set, otherwise a crash
 * between posting and recording may post again (docs/setup-teams.md).
 */
export class TeamsChatAdapter implements ChatPort {
  readonly platform = TEAMS;
  readonly #client: Client;
  readonly #options: TeamsChatAdapterOptions;
  readonly #logger: Logger;
  readonly #users: UserCache<ChatUser>;
  /** Present when `teamId` is configured (see the class comment). */
  readonly findMessage?: (
    channel: string,
    threadId: string | undefined,
    key: string,
    options?: FindMessageOptions,
  ) => Promise<PostedMessage | undefined>;

  constructor(options: TeamsChatAdapterOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    const timeout = options.timeoutMs ?? 10_000;
    const credentials = {
      appId: options.appId,
      appPassword: options.appPassword,
      tenantId: options.tenantId,
      loginUrl: options.loginUrl ?? TEAMS_DEFAULTS.loginUrl,
      timeoutMs: timeout,
    };
    const tokens = new TeamsTokenProvider(credentials);
    this.#client = new Client(
      options.serviceUrl ?? TEAMS_DEFAULTS.serviceUrl,
      { timeout },
      { tokenProvider: { getAppToken: (scope) => tokens.getAppToken(scope) } },
    );
    this.#users = new UserCache((userId) => this.#lookUpUser(userId), {
      ...(options.userCacheTtlMs === undefined ? {} : { ttlMs: options.userCacheTtlMs }),
      ...(options.unknownUserTtlMs === undefined ? {} : { unknownTtlMs: options.unknownUserTtlMs }),
    });
    if (options.teamId !== undefined) {
      const graph = new GraphChannelMessages({
        graphUrl: options.graphUrl ?? TEAMS_DEFAULTS.graphUrl,
        teamId: options.teamId,
        appId: options.appId,
        timeoutMs: timeout,
        ...(options.findMessagePages === undefined ? {} : { maxPages: options.findMessagePages }),
        token: () => tokens.getAppToken(TEAMS_DEFAULTS.graphScope),
      });
      this.findMessage = (channel, threadId, key, find = {}) =>
        graph.find({ channel, threadId, key, ...(find.since === undefined ? {} : { since: find.since }) });
    }
  }

  /** Posts a new channel post, or a reply to the thread `19:…;messageid=<root>`; returns its id. */
  async postMessage(message: OutgoingMessage): Promise<PostedMessage> {
    const text =
      plainToTeams(message.text, {
        ...(this.#options.maxMessageLength === undefined
          ? {}
          : { maxLength: this.#options.maxMessageLength }),
        ...(message.overflowUrl === undefined ? {} : { overflowUrl: message.overflowUrl }),
      }) + deliveryMarker(message.key);
    const conversationId =
      message.threadId === undefined
        ? message.channel
        : threadConversationId(message.channel, message.threadId);
    const result = await this.#call('send activity', () =>
      this.#client.conversations.createActivity(conversationId, {
        type: 'message',
        text,
        textFormat: 'xml',
      } as Parameters<Client['conversations']['createActivity']>[1]),
    );
    if (typeof result?.id !== 'string' || result.id === '') {
      throw new IntegrationError('Unavailable', 'Teams send activity: answer without an id', {
        integration: TEAMS,
      });
    }
    this.#logger.debug({ conversationId, id: result.id }, 'teams message posted');
    return { id: result.id };
  }

  /** Update activity: replaces the text of a message the bot posted (a reply through its thread). */
  async updateMessage(update: MessageUpdate): Promise<void> {
    const text = plainToTeams(update.text, {
      ...(this.#options.maxMessageLength === undefined ? {} : { maxLength: this.#options.maxMessageLength }),
    });
    const conversationId =
      update.threadId === undefined ? update.channel : threadConversationId(update.channel, update.threadId);
    await this.#call('update activity', () =>
      this.#client.conversations.updateActivity(conversationId, update.messageId, {
        type: 'message',
        text,
        textFormat: 'xml',
      } as Parameters<Client['conversations']['updateActivity']>[2]),
    );
    this.#logger.debug({ conversationId, id: update.messageId }, 'teams message updated');
  }

  /** A member of the support channel's team by Teams user id or Entra object id; undefined when unknown. */
  async getUser(userId: string): Promise<ChatUser | undefined> {
    return this.#users.get(userId);
  }

  /** The bot's own identity: Teams addresses a bot as `28:<app id>`. */
  async whoAmI(): Promise<ChatIdentity> {
    return { userId: `28:${this.#options.appId}`, botId: this.#options.appId };
  }

  /** A deep link to the message in the Teams client. */
  async permalink(channel: string, messageId: string): Promise<string> {
    return buildTeamsPermalink(channel, messageId, this.#options.tenantId);
  }

  /** Teams HTML (mentions, links, entities) → plain text, without delivery markers. */
  async toPlainText(text: string): Promise<string> {
    return teamsToPlainText(text);
  }

  async #lookUpUser(userId: string): Promise<ChatUser | undefined> {
    try {
      const member = await this.#call('get member', () =>
        this.#client.conversations.getMemberById(this.#options.channel, encodeURIComponent(userId)),
      );
      const account = member as { id?: unknown; name?: unknown; email?: unknown };
      if (typeof account.id !== 'string') return undefined;
      return {
        id: userId,
        ...(typeof account.name === 'string' && account.name !== '' ? { name: account.name } : {}),
        ...(typeof account.email === 'string' && account.email !== '' ? { email: account.email } : {}),
      };
    } catch (error) {
      if (error instanceof IntegrationError && error.reason === 'NotFound') return undefined;
      throw error;
    }
  }

  async #call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toTeamsIntegrationError(error, operation);
    }
  }
}
