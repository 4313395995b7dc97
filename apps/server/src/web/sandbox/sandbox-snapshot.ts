import type { MemoryChat, MemoryTickets } from '@zenslackchat/adapters-memory';
import type { TicketAttachment } from '@zenslackchat/core';
import type { SandboxFile, SandboxMessage, SandboxSnapshot, SandboxTicket } from './sandbox-controls.ts';
import { sandboxFileId } from './sandbox-files.ts';

/** A person's message as the sandbox keeps it: when it was posted, and in which order. */
export interface PeopleMessage extends SandboxMessage {
  readonly at: number;
  readonly seq: number;
}

/** What a snapshot reads besides people's messages. */
export interface SnapshotSources {
  readonly chat: MemoryChat;
  readonly tickets: MemoryTickets;
  readonly channel: string;
  readonly botName?: string;
  readonly botAgentId?: string;
}

/** A ticket attachment as shown: served by id when the ticket system holds its bytes, else only named. */
function attachment(tickets: MemoryTickets, file: TicketAttachment): SandboxFile {
  const content = file.id === undefined ? undefined : tickets.attachmentContent(file.id);
  return {
    ...(file.id === undefined || content === undefined ? {} : { id: sandboxFileId('ticket', file.id) }),
    name: file.name,
    size: file.size ?? content?.bytes.byteLength ?? 0,
    mimeType: file.mimeType ?? content?.mimeType ?? 'application/octet-stream',
  };
}

/** Order on a tie of posting time: a person's message, then a file the bot shared, then a bot post. */
const TIE = { person: 0, share: 1, bot: 2 } as const;

/**
 * Both sides of the sandbox: people's and the bot's messages in the channel, merged in posting
 * order, each file the bot shared into a thread as a post of its own (as Slack shows a file share;
 * the bot shares an agent's files just before it posts the comment), and every ticket with its
 * comments and their attachments, newest first.
 */
export function sandboxSnapshot(sources: SnapshotSources, people: readonly PeopleMessage[]): SandboxSnapshot {
  const { chat, tickets, channel } = sources;
  const botName = sources.botName ?? 'ZenSlackChat';
  const botAgentId = sources.botAgentId ?? 'agent-bot';
  type Entry = PeopleMessage & { readonly tie: number };
  const bot: Entry[] = chat.messages
    .filter((m) => m.channel === channel)
    .map((m, i) => ({
      id: m.id,
      user: botName,
      text: m.text,
      fromBot: true,
      at: m.postedAt.getTime(),
      seq: i,
      tie: TIE.bot,
      ...(m.key.startsWith('report:') ? { report: true } : {}),
      ...(m.threadId === undefined ? {} : { threadId: m.threadId }),
    }));
  const shares: Entry[] = chat.filesIn().flatMap((f, i) =>
    f.channel === channel
      ? [
          {
            id: `file-${i + 1}`,
            threadId: f.threadId,
            user: botName,
            text: '',
            fromBot: true,
            at: f.sharedAt.getTime(),
            seq: i,
            tie: TIE.share,
            files: [
              {
                id: sandboxFileId('shared', f.fileId),
                name: f.name,
                size: f.bytes.byteLength,
                mimeType: f.mimeType,
              },
            ],
          },
        ]
      : [],
  );
  const messages = [...people.map((m) => ({ ...m, tie: TIE.person })), ...shares, ...bot]
    .sort((a, b) => a.at - b.at || a.tie - b.tie || a.seq - b.seq)
    .map(({ at: _at, seq: _seq, tie: _tie, ...message }) => message);
  const all: SandboxTicket[] = tickets.tickets.map((t) => ({
    id: t.id,
    subject: t.subject,
    status: t.status,
    comments: tickets.comments(t.id).map((c) => ({
      id: c.id,
      author: c.author.name ?? (c.author.id === botAgentId ? botName : (c.author.id ?? 'unknown')),
      body: c.body,
      public: c.public,
      files: c.attachments.map((file) => attachment(tickets, file)),
    })),
  }));
  return { channel, messages, tickets: all.reverse() };
}
