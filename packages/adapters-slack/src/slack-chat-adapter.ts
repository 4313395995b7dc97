import { WebClient } from '@slack/web-api';
import { UserCache } from '@zenslackchat/adapter-kit';
import type {
  ChatFile,
  ChatIdentity,
  ChatPort,
  ChatUser,
  FileContent,
  FileShare,
  FindMessageOptions,
  Logger,
  MessageUpdate,
  OutgoingMessage,
  PostedMessage,
} from '@zenslackchat/core';
import { IntegrationError, silentLogger } from '@zenslackchat/core';
import { findDeliveredMessage } from './find-delivered-message.ts';
import { DELIVERY_EVENT_TYPE, type SlackChatAdapterOptions, slackApiBase } from './slack-chat-config.ts';
import { SLACK, slackErrorCode, toSlackIntegrationError } from './slack-errors.ts';
import { downloadSlackFile, SLACK_FILES_ORIGIN } from './slack-file-download.ts';
import { sendUploadBytes } from './slack-file-upload.ts';
import { toSlackLogger } from './slack-logger.ts';
import { buildSlackPermalink } from './slack-permalink.ts';
import { plainToSlack } from './text/plain-to-slack.ts';
import { sectionsToBlocks } from './text/sections-to-blocks.ts';
import { slackToPlainText } from './text/slack-to-plain-text.ts';
import { toChatUser } from './to-chat-user.ts';

/** users.info's documented errors for a user the bot cannot know. */
const UNKNOWN_USER_CODES: ReadonlySet<string> = new Set([
  'user_not_found',
  'users_not_found',
  'user_not_visible',
]);

/**
 * The core's `ChatPort` on Slack's Web API. The client never retries by itself (the job queue
 * does, from the `IntegrationError` reasons); users and the bot's identity are cached.
 */
export class SlackChatAdapter implements ChatPort {
  readonly platform = 'slack';
  readonly #client: WebClient;
  readonly #options: SlackChatAdapterOptions;
  readonly #logger: Logger;
  readonly #users: UserCache<ChatUser>;
  #identity: Promise<ChatIdentity> | undefined;

  constructor(options: SlackChatAdapterOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#client = new WebClient(undefined, {
      slackApiUrl: slackApiBase(options.apiUrl),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 10_000,
      logger: toSlackLogger(this.#logger, 'slack-web-api'),
    });
    this.#users = new UserCache((userId) => this.#lookUpUser(userId), {
      ...(options.userCacheSize === undefined ? {} : { size: options.userCacheSize }),
      ...(options.userCacheTtlMs === undefined ? {} : { ttlMs: options.userCacheTtlMs }),
      ...(options.unknownUserTtlMs === undefined ? {} : { unknownTtlMs: options.unknownUserTtlMs }),
    });
  }

  /** Posts a message tagged with its delivery key in Slack message metadata; returns its `ts`. */
  async postMessage(message: OutgoingMessage): Promise<PostedMessage> {
    const text = plainToSlack(message.text, {
      ...(this.#options.maxMessageLength === undefined ? {} : { maxLength: this.#options.maxMessageLength }),
      ...(message.overflowUrl === undefined ? {} : { overflowUrl: message.overflowUrl }),
    });
    const result = await this.#call('chat.postMessage', (token) =>
      this.#client.chat.postMessage({
        token,
        channel: message.channel,
        text,
        // Block Kit when the core gave a structured form; `text` stays the notification fallback.
        ...(message.sections === undefined ? {} : { blocks: sectionsToBlocks(message.sections) }),
        ...(message.threadId === undefined ? {} : { thread_ts: message.threadId }),
        metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: message.key } },
      }),
    );
    if (typeof result.ts !== 'string') throw invalidAnswer('chat.postMessage');
    this.#logger.debug({ channel: message.channel, ts: result.ts }, 'slack message posted');
    return { id: result.ts };
  }

  /** `chat.update`: replaces the text of a message the bot posted (its metadata stays). */
  async updateMessage(update: MessageUpdate): Promise<void> {
    const text = plainToSlack(update.text, {
      ...(this.#options.maxMessageLength === undefined ? {} : { maxLength: this.#options.maxMessageLength }),
    });
    await this.#call('chat.update', (token) =>
      this.#client.chat.update({ token, channel: update.channel, ts: update.messageId, text }),
    );
    this.#logger.debug({ channel: update.channel, ts: update.messageId }, 'slack message updated');
  }

  /** Finds the bot's message carrying `key` in the thread, or at the top level from `since`. */
  async findMessage(
    channel: string,
    threadId: string | undefined,
    key: string,
    options: FindMessageOptions = {},
  ): Promise<PostedMessage | undefined> {
    const token = await this.#token();
    return findDeliveredMessage(this.#client, token, {
      channel,
      threadId,
      key,
      maxPages: this.#options.findMessagePages ?? 5,
      ...(options.since === undefined ? {} : { since: options.since }),
    });
  }

  /** Looks a user up through the cache; undefined when Slack does not know the id. */
  async getUser(userId: string): Promise<ChatUser | undefined> {
    return this.#users.get(userId);
  }

  /** The bot's user and bot ids from auth.test, asked once and remembered. */
  whoAmI(): Promise<ChatIdentity> {
    this.#identity ??= this.#call('auth.test', (token) => this.#client.auth.test({ token })).then((r) => {
      if (typeof r.user_id !== 'string') throw invalidAnswer('auth.test');
      return typeof r.bot_id === 'string' ? { userId: r.user_id, botId: r.bot_id } : { userId: r.user_id };
    });
    this.#identity.catch(() => {
      this.#identity = undefined;
    });
    return this.#identity;
  }

  /** Builds the link from the workspace URL when configured, else asks chat.getPermalink. */
  async permalink(channel: string, messageId: string): Promise<string> {
    if (this.#options.workspaceUrl)
      return buildSlackPermalink(this.#options.workspaceUrl, channel, messageId);
    const result = await this.#call('chat.getPermalink', (token) =>
      this.#client.chat.getPermalink({ token, channel, message_ts: messageId }),
    );
    if (typeof result.permalink !== 'string') throw invalidAnswer('chat.getPermalink');
    return result.permalink;
  }

  /** Downloads a shared file's `url_private_download` with the bot token (see slack-file-download.ts). */
  async downloadFile(file: ChatFile): Promise<FileContent> {
    const apiOrigin = new URL(slackApiBase(this.#options.apiUrl)).origin;
    return downloadSlackFile(file, {
      token: await this.#token(),
      allowedOrigins: [SLACK_FILES_ORIGIN, apiOrigin],
      timeoutMs: this.#options.timeoutMs ?? 10_000,
    });
  }

  /**
   * Slack's external upload flow, steps 1 and 2: files.getUploadURLExternal (filename, length),
   * then the bytes to the returned `upload_url`. The file shows nowhere until `shareFile`.
   * (`filesUploadV2` does all three steps in one call and so cannot hand the id over before the
   * share, which exactly-once needs.) Without `files:write` Slack answers `missing_scope`:
   * `Unauthorized`, not retryable.
   */
  async uploadFile(file: FileContent): Promise<{ readonly id: string }> {
    const result = await this.#call('files.getUploadURLExternal', (token) =>
      this.#client.files.getUploadURLExternal({ token, filename: file.name, length: file.bytes.byteLength }),
    );
    if (typeof result.upload_url !== 'string' || typeof result.file_id !== 'string' || result.file_id === '')
      throw invalidAnswer('files.getUploadURLExternal');
    const apiOrigin = new URL(slackApiBase(this.#options.apiUrl)).origin;
    await sendUploadBytes(result.upload_url, file, {
      allowedOrigins: [SLACK_FILES_ORIGIN, apiOrigin],
      timeoutMs: this.#options.timeoutMs ?? 10_000,
    });
    return { id: result.file_id };
  }

  /** Step 3: files.completeUploadExternal with `channel_id` and `thread_ts`; Slack shows images inline. */
  async shareFile(share: FileShare): Promise<void> {
    await this.#call('files.completeUploadExternal', (token) =>
      this.#client.files.completeUploadExternal({
        token,
        files: [{ id: share.fileId }],
        channel_id: share.channel,
        thread_ts: share.threadId,
      }),
    );
  }

  /**
   * Whether files.info lists a share of the file in that thread (the file object's `shares`,
   * public or private, each with `thread_ts`). Slack shares asynchronously, so a share made an
   * instant ago may not be listed yet; the core asks only on a retry, later.
   */
  async isFileShared(share: FileShare): Promise<boolean> {
    const result = await this.#call('files.info', (token) =>
      this.#client.files.info({ token, file: share.fileId }),
    );
    const shares = (result.file as { shares?: Record<string, unknown> } | undefined)?.shares;
    if (typeof shares !== 'object' || shares === null) return false;
    return Object.values(shares).some((byChannel) => {
      const list = (byChannel as Record<string, unknown> | null)?.[share.channel];
      return (
        Array.isArray(list) &&
        list.some((entry) => (entry as { thread_ts?: unknown } | null)?.thread_ts === share.threadId)
      );
    });
  }

  /** Converts Slack mrkdwn to plain text, naming mentioned users (unknown ones keep their id). */
  toPlainText(text: string): Promise<string> {
    return slackToPlainText(text, async (userId) => {
      try {
        return (await this.getUser(userId))?.name;
      } catch (error) {
        this.#logger.warn({ userId, reason: (error as IntegrationError).reason }, 'slack user lookup failed');
        return undefined;
      }
    });
  }

  async #lookUpUser(userId: string): Promise<ChatUser | undefined> {
    try {
      const result = await this.#call('users.info', (token) =>
        this.#client.users.info({ token, user: userId }),
      );
      const user = toChatUser(userId, result.user);
      if (user === undefined) throw invalidAnswer('users.info');
      return user;
    } catch (error) {
      // Only Slack's own answer that it has no such user makes the user unknown; an HTTP 404 or
      // any other failure is an error (retried), never a silently unknown requester.
      if (UNKNOWN_USER_CODES.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
  }

  async #token(): Promise<string> {
    const source = this.#options.token;
    return typeof source === 'string' ? source : source();
  }

  async #call<T>(method: string, run: (token: string) => Promise<T>): Promise<T> {
    const token = await this.#token();
    try {
      return await run(token);
    } catch (error) {
      const mapped = toSlackIntegrationError(error, method);
      this.#logger.warn(
        { method, reason: mapped.reason, retryAfterMs: mapped.retryAfterMs, error: mapped.message },
        'slack call failed',
      );
      throw mapped;
    }
  }
}

function invalidAnswer(method: string): IntegrationError {
  return new IntegrationError('Unavailable', `Slack ${method}: unexpected answer`, { integration: SLACK });
}
