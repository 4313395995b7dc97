import type { MemoryChat, MemoryTickets } from '@zenslackchat/adapters-memory';
import type { SandboxMessage, SandboxSnapshot, SandboxTicket } from './sandbox-controls.ts';

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

/**
 * Both sides of the sandbox: people's and the bot's messages in the channel, merged in posting
 * order (a person's message first on a tie), and every ticket with its comments, newest first.
 */
export function sandboxSnapshot(sources: SnapshotSources, people: readonly PeopleMessage[]): SandboxSnapshot {
  const { chat, tickets, channel } = sources;
  const botName = sources.botName ?? 'ZenSlackChat';
  const botAgentId = sources.botAgentId ?? 'agent-bot';
  const bot: PeopleMessage[] = chat.messages
    .filter((m) => m.channel === channel)
    .map((m, i) => ({
      id: m.id,
      user: botName,
      text: m.text,
      fromBot: true,
      at: m.postedAt.getTime(),
      seq: i,
      ...(m.key.startsWith('report:') ? { report: true } : {}),
      ...(m.threadId === undefined ? {} : { threadId: m.threadId }),
    }));
  const messages = [...people, ...bot]
    .sort((a, b) => a.at - b.at || Number(a.fromBot) - Number(b.fromBot) || a.seq - b.seq)
    .map(({ at: _at, seq: _seq, ...message }) => message);
  const all: SandboxTicket[] = tickets.tickets.map((t) => ({
    id: t.id,
    subject: t.subject,
    status: t.status,
    comments: tickets.comments(t.id).map((c) => ({
      id: c.id,
      author: c.author.name ?? (c.author.id === botAgentId ? botName : (c.author.id ?? 'unknown')),
      body: c.body,
      public: c.public,
    })),
  }));
  return { channel, messages, tickets: all.reverse() };
}
