import type {
  ChatHarness,
  ChatMarkup,
  ChatPlatformFixtures,
  IssueRepoHarness,
  OnCallHarness,
  TicketHarness,
  TokenStoreHarness,
} from '@zenslackchat/core/testing';
import { MemoryChat } from './memory-chat.ts';
import type { MemoryChatOptions } from './memory-chat-config.ts';
import { MemoryIssueRepo } from './memory-issue-repo.ts';
import { MemoryOnCall } from './memory-on-call.ts';
import { MemoryTickets } from './memory-tickets.ts';
import type { MemoryTicketsOptions } from './memory-tickets-config.ts';
import { MemoryTokenStore } from './memory-token-store.ts';
import { escapeMarkup } from './slack-markup.ts';

/** A contract-suite harness that also exposes the memory adapter behind its port. */
export type WithAdapter<H, A> = H & { readonly adapter: A };

/** MemoryChat reads Slack-like markup: `<@U1>`, `<url|label>`, `&amp;`. */
const memoryChatMarkup: ChatMarkup = {
  mention: (userId) => `<@${userId}>`,
  link: (url, label) => `<${url}|${label}>`,
  text: (plain) => escapeMarkup(plain),
};

/** Builds a ChatHarness on a fresh MemoryChat. */
export function memoryChatHarness(
  options: MemoryChatOptions = {},
): WithAdapter<ChatHarness & ChatPlatformFixtures, MemoryChat> {
  const adapter = new MemoryChat(options);
  let files = 0;
  return {
    adapter,
    shareFile: (content) => {
      files += 1;
      return adapter.addFile(`F${files}`, content);
    },
    filesIn: (channel, threadId) => adapter.filesIn(channel, threadId),
    port: adapter,
    channel: 'C0SUPPORT',
    markup: memoryChatMarkup,
    addUser: (user) => adapter.addUser(user),
    posted: () =>
      adapter.messages.map(({ id, channel, threadId, markup }) => ({
        id,
        channel,
        ...(threadId === undefined ? {} : { threadId }),
        text: markup,
      })),
    failNext: (kind, faultOptions) => adapter.faults.failNext(kind, faultOptions),
  };
}

/** Builds a TicketHarness on a fresh MemoryTickets. */
export function memoryTicketHarness(
  options: MemoryTicketsOptions = {},
): WithAdapter<TicketHarness, MemoryTickets> {
  const adapter = new MemoryTickets(options);
  return {
    adapter,
    port: adapter,
    fixtures: { groupId: 'group-support', agentId: 'agent-support' },
    addExternalComment: (ticketId, { attachments, ...comment }) =>
      adapter.addExternalComment(ticketId, {
        ...comment,
        ...(attachments && {
          attachments: attachments.map((file) => ({ ...file, url: `memory://attachments/${file.name}` })),
        }),
      }),
    removeAttachment: (attachment) => adapter.deleteAttachment(attachment.id ?? ''),
    createExternalTicket: (ticket) => adapter.createExternalTicket(ticket),
    closeTicket: (ticketId) => adapter.setStatus(ticketId, 'closed'),
    requestCount: () => adapter.callCount(),
    ticketCount: () => adapter.tickets.length,
    setExternalStatus: (ticketId, status) =>
      adapter.setStatus(ticketId, status, { id: 'agent-support', name: 'Agent Support' }),
    mergeExternal: (sourceId, targetId) => adapter.merge(sourceId, targetId, { id: 'agent-support' }),
    redactExternal: (ticketId, commentId) => adapter.redactComment(ticketId, commentId),
    deleteExternal: (ticketId) => adapter.deleteTicket(ticketId),
    followUpSourceOf: (ticketId) => adapter.followUpSource(ticketId),
    failNext: (kind, faultOptions) => adapter.faults.failNext(kind, faultOptions),
  };
}

/** Builds an OnCallHarness on a fresh MemoryOnCall. */
export function memoryOnCallHarness(): WithAdapter<OnCallHarness, MemoryOnCall> {
  const adapter = new MemoryOnCall();
  return {
    adapter,
    port: adapter,
    setOnCall: (policyId, onCall) => adapter.set(policyId, onCall),
    failNext: (kind, faultOptions) => adapter.faults.failNext(kind, faultOptions),
  };
}

/** Builds an IssueRepoHarness on a fresh MemoryIssueRepo. */
export function memoryIssueRepoHarness(): WithAdapter<IssueRepoHarness, MemoryIssueRepo> {
  const adapter = new MemoryIssueRepo();
  return { adapter, repo: adapter };
}

/** Builds a TokenStoreHarness on a fresh MemoryTokenStore. */
export function memoryTokenStoreHarness(): WithAdapter<TokenStoreHarness, MemoryTokenStore> {
  const adapter = new MemoryTokenStore();
  return { adapter, store: adapter };
}

/** Harness factories for every memory adapter, ready to hand to the core's contract suites. */
export const memoryHarnesses = {
  chat: memoryChatHarness,
  tickets: memoryTicketHarness,
  onCall: memoryOnCallHarness,
  issueRepo: memoryIssueRepoHarness,
  tokenStore: memoryTokenStoreHarness,
} as const;
