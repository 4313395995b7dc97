import type {
  ChatFile,
  ChatIdentity,
  ChatPort,
  ChatUser,
  Clock,
  FileContent,
  FileShare,
  FindMessageOptions,
  MessageUpdate,
  OutgoingMessage,
  PostedMessage,
} from '@zenslackchat/core';
import { IntegrationError, systemClock } from '@zenslackchat/core';
import { CallCounter } from './call-counter.ts';
import { FaultInjector } from './fault-injector.ts';
import type { MemoryChatOptions, MemoryMessage, MemorySharedFile } from './memory-chat-config.ts';
import { escapeMarkup, markupToPlainText } from './slack-markup.ts';

/** How many of the newest messages a bounded search also reads, as a platform's newest page. */
const NEWEST_PAGE = 100;

/** An in-memory, Slack-like ChatPort with a test back door. Every call is recorded and can be failed. */
export class MemoryChat implements ChatPort {
  readonly platform: string;
  /** Failures for the next calls; `timeout` posts the message and then throws. */
  readonly faults = new FaultInjector({ integration: 'memory-chat', timeoutAfterWork: true });
  readonly #self: ChatIdentity;
  readonly #clock: Clock;
  readonly #workspaceUrl: string;
  readonly #messages: MemoryMessage[] = [];
  readonly #users = new Map<string, ChatUser>();
  readonly #files = new Map<string, FileContent>();
  readonly #calls = new CallCounter();
  /** Files the bot uploaded, shown or not, by id. */
  readonly #uploaded = new Map<string, FileContent>();
  readonly #shared: MemorySharedFile[] = [];
  #lastUpload = 0;
  #lastSeconds = 0;
  #lastMicros = 0;

  constructor(options: MemoryChatOptions = {}) {
    this.platform = options.platform ?? 'memory';
    this.#self = options.self ?? { userId: 'UBOT', botId: 'BBOT' };
    this.#clock = options.clock ?? systemClock;
    this.#workspaceUrl = (options.workspaceUrl ?? 'https://memory.slack.com').replace(/\/+$/, '');
  }

  /** Every message posted so far, oldest first. */
  get messages(): readonly MemoryMessage[] {
    return [...this.#messages];
  }

  /** Messages in a channel: top level ones when `threadId` is absent, else that thread's replies. */
  messagesIn(channel: string, threadId?: string): readonly MemoryMessage[] {
    return this.#messages.filter((m) => m.channel === channel && m.threadId === threadId);
  }

  /** Adds or replaces a user in the directory. */
  addUser(user: ChatUser): void {
    this.#users.set(user.id, { ...user });
  }

  /** Stores a file people share in chat and returns it as a chat event carries it. */
  addFile(id: string, content: FileContent): ChatFile {
    this.#files.set(id, content);
    const url = `${this.#workspaceUrl}/files/${id}/${content.name}`;
    return { id, name: content.name, size: content.bytes.byteLength, mimeType: content.mimeType, url };
  }

  /** Files the bot showed in a thread, oldest first; every thread's when `channel` is absent. */
  filesIn(channel?: string, threadId?: string): readonly MemorySharedFile[] {
    return this.#shared.filter(
      (f) => channel === undefined || (f.channel === channel && f.threadId === threadId),
    );
  }

  /** How many files the bot uploaded, shown or not. */
  get uploadedFiles(): number {
    return this.#uploaded.size;
  }

  /** Port calls so far, of one method or of all. */
  callCount(method?: keyof ChatPort & string): number {
    return this.#calls.total(method);
  }

  postMessage(message: OutgoingMessage): Promise<PostedMessage> {
    return this.#call('postMessage', () => {
      const stored: MemoryMessage = {
        id: this.#nextId(),
        channel: message.channel,
        ...(message.threadId === undefined ? {} : { threadId: message.threadId }),
        text: message.text,
        markup: escapeMarkup(message.text),
        key: message.key,
        ...(message.overflowUrl === undefined ? {} : { overflowUrl: message.overflowUrl }),
        ...(message.sections === undefined ? {} : { sections: message.sections }),
        postedAt: this.#clock.now(),
      };
      this.#messages.push(stored);
      return { id: stored.id };
    });
  }

  /** Replaces a posted message's text (its key and time stay); `NotFound` for no such message. */
  updateMessage(update: MessageUpdate): Promise<void> {
    return this.#call('updateMessage', () => {
      const index = this.#messages.findIndex(
        (m) => m.channel === update.channel && m.id === update.messageId,
      );
      const found = this.#messages[index];
      if (found === undefined) {
        throw new IntegrationError('NotFound', `no message ${update.messageId} in ${update.channel}`, {
          integration: 'memory-chat',
        });
      }
      const { sections: _sections, ...rest } = found;
      this.#messages[index] = { ...rest, text: update.text, markup: escapeMarkup(update.text) };
    });
  }

  /**
   * Finds the message with `key`: with `options.since`, among those posted at or after it (by this
   * chat's clock), then, as Slack's adapter does for a caller clock ahead of the platform's, among
   * the newest 100; without a bound, among all.
   */
  findMessage(
    channel: string,
    threadId: string | undefined,
    key: string,
    options: FindMessageOptions = {},
  ): Promise<PostedMessage | undefined> {
    return this.#call('findMessage', () => {
      const messages = this.messagesIn(channel, threadId);
      const since = options.since?.getTime();
      const found =
        since === undefined
          ? messages.find((m) => m.key === key)
          : (messages.find((m) => m.key === key && m.postedAt.getTime() >= since) ??
            messages.slice(-NEWEST_PAGE).find((m) => m.key === key));
      return found === undefined ? undefined : { id: found.id };
    });
  }

  getUser(userId: string): Promise<ChatUser | undefined> {
    return this.#call('getUser', () => {
      const user = this.#users.get(userId);
      return user === undefined ? undefined : { ...user };
    });
  }

  whoAmI(): Promise<ChatIdentity> {
    return this.#call('whoAmI', () => ({ ...this.#self }));
  }

  permalink(channel: string, messageId: string): Promise<string> {
    return this.#call(
      'permalink',
      () => `${this.#workspaceUrl}/archives/${channel}/p${messageId.replace('.', '')}`,
    );
  }

  downloadFile(file: ChatFile): Promise<FileContent> {
    return this.#call('downloadFile', () => {
      const content = file.id === undefined ? undefined : this.#files.get(file.id);
      if (content === undefined) {
        throw new IntegrationError('NotFound', `no file ${file.id ?? file.name}`, {
          integration: 'memory-chat',
        });
      }
      return { ...content, bytes: content.bytes.slice() };
    });
  }

  /** Keeps the bytes under a fresh file id, shown nowhere until `shareFile`. */
  uploadFile(file: FileContent): Promise<{ readonly id: string }> {
    return this.#call('uploadFile', () => {
      if (file.name === '') {
        throw new IntegrationError('Invalid', 'a file needs a name', { integration: 'memory-chat' });
      }
      this.#lastUpload += 1;
      const id = `FM${String(this.#lastUpload).padStart(4, '0')}`;
      this.#uploaded.set(id, { ...file, bytes: file.bytes.slice() });
      return { id };
    });
  }

  /** Shows an uploaded file in a thread; each call shows it once more, as a platform would. */
  shareFile(share: FileShare): Promise<void> {
    return this.#call('shareFile', () => {
      const file = this.#uploaded.get(share.fileId);
      if (file === undefined) {
        throw new IntegrationError('NotFound', `no uploaded file ${share.fileId}`, {
          integration: 'memory-chat',
        });
      }
      this.#shared.push({
        ...share,
        name: file.name,
        mimeType: file.mimeType,
        bytes: file.bytes,
        sharedAt: this.#clock.now(),
      });
    });
  }

  isFileShared(share: FileShare): Promise<boolean> {
    return this.#call('isFileShared', () =>
      this.#shared.some(
        (f) => f.fileId === share.fileId && f.channel === share.channel && f.threadId === share.threadId,
      ),
    );
  }

  toPlainText(text: string): Promise<string> {
    return this.#call('toPlainText', () => markupToPlainText(text, (id) => this.#users.get(id)?.name));
  }

  #call<T>(method: string, work: () => T): Promise<T> {
    this.#calls.count(method);
    return this.faults.run(method, work);
  }

  /** Slack-like ts: clock seconds, then a per-second counter in steps of 100 µs; always increasing. */
  #nextId(): string {
    const seconds = Math.floor(this.#clock.now().getTime() / 1000);
    if (seconds > this.#lastSeconds) {
      this.#lastSeconds = seconds;
      this.#lastMicros = 100;
    } else {
      this.#lastMicros += 100;
      if (this.#lastMicros > 999_999) {
        this.#lastSeconds += 1;
        this.#lastMicros = 100;
      }
    }
    return `${this.#lastSeconds}.${String(this.#lastMicros).padStart(6, '0')}`;
  }
}
