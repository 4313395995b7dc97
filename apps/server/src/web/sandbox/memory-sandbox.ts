import type { MemoryChat, MemoryTickets } from '@zenslackchat/adapters-memory';
import type { ChatEvent, ChatFile, Clock, FileContent } from '@zenslackchat/core';
import { DEFAULT_MAX_ATTACHMENT_BYTES, systemClock } from '@zenslackchat/core';
import type { SandboxControls, SandboxSnapshot } from './sandbox-controls.ts';
import { parseSandboxFileId, sandboxFileId } from './sandbox-files.ts';
import type { SandboxIntake } from './sandbox-intake.ts';
import { type PeopleMessage, sandboxSnapshot } from './sandbox-snapshot.ts';

/** How to build a MemorySandbox. */
export interface MemorySandboxOptions {
  /** The chat adapter the bot posts through; its posts are the bot's side of the channel. */
  readonly chat: MemoryChat;
  /** The ticket adapter the bot uses; the sandbox acts as agents and emails on it. */
  readonly tickets: MemoryTickets;
  /** The support channel id the bot monitors. */
  readonly channel: string;
  readonly intake: SandboxIntake;
  readonly clock?: Clock;
  /** Shown as the author of the bot's posts (default `ZenSlackChat`). */
  readonly botName?: string;
  /** The MemoryTickets `agentId` the bot's own comments carry (default `agent-bot`). */
  readonly botAgentId?: string;
  /** Author of agent comments (default `Sam (agent)`). */
  readonly agentName?: string;
  /** Largest file the forms accept, in bytes (default the core's attachment limit, 20 MB). */
  readonly maxFileBytes?: number;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'someone'
  );
}

/**
 * SandboxControls over the memory adapters: people's messages are kept here (the platform side of
 * a channel) and handed to the intake as chat events; agent comments and emails go through the
 * MemoryTickets back door and then the intake, as the Zendesk webhooks would.
 */
export class MemorySandbox implements SandboxControls {
  readonly #options: MemorySandboxOptions;
  readonly #clock: Clock;
  readonly #people: PeopleMessage[] = [];
  /** People's files by their chat file id, as the platform keeps what people share. */
  readonly #personFiles = new Map<string, FileContent>();
  readonly maxFileBytes: number;
  #seq = 0;

  constructor(options: MemorySandboxOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  }

  async postChatMessage(input: {
    readonly user: string;
    readonly text: string;
    readonly threadId?: string;
    readonly file?: FileContent;
  }): Promise<void> {
    const { chat, channel, intake } = this.#options;
    const userId = `U-${slug(input.user)}`;
    chat.addUser({ id: userId, name: input.user, email: `${slug(input.user)}@sandbox.invalid` });
    this.#seq += 1;
    const at = this.#clock.now().getTime();
    // Slack-like ts ending in 1, so it never collides with MemoryChat's ids (which end in 00).
    const id = `${Math.floor(at / 1000)}.${String(this.#seq % 99_999).padStart(5, '0')}1`;
    // The file as Slack's event carries it (id, name, size, type, link), its bytes behind the id.
    const files: ChatFile[] = [];
    if (input.file !== undefined) {
      const fileId = `FS${String(this.#personFiles.size + 1).padStart(6, '0')}`;
      this.#personFiles.set(fileId, input.file);
      files.push(chat.addFile(fileId, input.file));
    }
    const message: PeopleMessage = {
      id,
      user: input.user,
      text: input.text,
      fromBot: false,
      at,
      seq: this.#seq,
      ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
      ...(files.length === 0
        ? {}
        : {
            files: files.map((f) => ({
              id: sandboxFileId('person', f.id ?? ''),
              name: f.name,
              size: f.size ?? 0,
              mimeType: f.mimeType ?? 'application/octet-stream',
            })),
          }),
    };
    this.#people.push(message);
    const event: ChatEvent = {
      eventId: `sandbox-${id}`,
      platform: chat.platform,
      channel,
      messageId: id,
      userId,
      text: input.text,
      files,
      ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
    };
    await intake.acceptChat({ eventId: event.eventId, event });
  }

  async addAgentComment(input: {
    readonly ticketId: string;
    readonly body: string;
    readonly public: boolean;
    readonly file?: FileContent;
  }): Promise<void> {
    const { tickets, intake } = this.#options;
    const authorName = this.#options.agentName ?? 'Sam (agent)';
    const { file } = input;
    const commentId = tickets.addExternalComment(input.ticketId, {
      body: input.body,
      public: input.public,
      authorName,
      authorId: 'agent-sam',
      // With its bytes, so the bot can copy it; its link opens the ticket on the sandbox page.
      ...(file === undefined
        ? {}
        : {
            attachments: [
              {
                name: file.name,
                mimeType: file.mimeType,
                bytes: file.bytes,
                url: tickets.ticketUrl(input.ticketId),
              },
            ],
          }),
    });
    const externalId = tickets.ticket(input.ticketId)?.externalId ?? undefined;
    await intake.acceptTicket({
      kind: 'comment',
      ticketId: input.ticketId,
      deliveryId: `sandbox-comment-${commentId}`,
      ...(externalId === undefined ? {} : { externalId }),
    });
  }

  async sendEmail(input: {
    readonly from: string;
    readonly subject: string;
    readonly body: string;
  }): Promise<void> {
    const { tickets, intake } = this.#options;
    const name = input.from.split('@')[0] ?? input.from;
    const ticketId = tickets.createExternalTicket({
      subject: input.subject,
      body: input.body,
      requesterEmail: input.from,
      requesterName: name,
    });
    await intake.acceptTicket({ kind: 'email', ticketId, deliveryId: `sandbox-email-${ticketId}` });
  }

  async snapshot(): Promise<SandboxSnapshot> {
    return sandboxSnapshot(this.#options, this.#people);
  }

  async file(id: string): Promise<FileContent | undefined> {
    const parsed = parseSandboxFileId(id);
    if (parsed === undefined) return undefined;
    const { chat, channel, tickets } = this.#options;
    switch (parsed.source) {
      case 'person':
        return this.#personFiles.get(parsed.id);
      case 'shared': {
        const shared = chat.filesIn().find((f) => f.fileId === parsed.id && f.channel === channel);
        return shared === undefined
          ? undefined
          : { name: shared.name, mimeType: shared.mimeType, bytes: shared.bytes };
      }
      case 'ticket':
        return tickets.attachmentContent(parsed.id);
    }
  }
}
