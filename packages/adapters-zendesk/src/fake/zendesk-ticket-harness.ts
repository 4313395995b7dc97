import type { FaultKind, FaultOptions, TicketHarness } from '@zenslackchat/core/testing';
import { ZendeskTicketAdapter } from '../zendesk-ticket-adapter.ts';
import type { FakeFaultKind } from './fake-faults.ts';
import { FakeZendesk, type FakeZendeskOptions } from './fake-zendesk.ts';

/** The adapter's timeout in harnesses; the fake holds a `timeout` answer longer than this. */
const HARNESS_TIMEOUT_MS = 1000;

const FAULTS: Readonly<Record<FaultKind, FakeFaultKind>> = {
  'rate-limited': 'rate-limited',
  unavailable: 'unavailable',
  unauthorized: 'unauthorized',
  timeout: 'timeout',
};

/** A TicketHarness with its fake, for tests that also inspect the fake's requests. */
export interface ZendeskTicketHarness extends TicketHarness {
  readonly port: ZendeskTicketAdapter;
  readonly fake: FakeZendesk;
  /** The fake's own group and bot agent, which the strict fake accepts in creates and links. */
  readonly fixtures: { readonly groupId: string; readonly agentId: string };
  close(): Promise<void>;
}

/**
 * A fresh fake Zendesk and an API-token `ZendeskTicketAdapter` on it (agent = the fake's bot
 * agent, 5 comments per page when walking to a cursor), for the core's `ticketPortContract` and
 * this package's tests.
 */
export async function zendeskTicketHarness(options: FakeZendeskOptions = {}): Promise<ZendeskTicketHarness> {
  const fake = await FakeZendesk.start(options);
  const port = new ZendeskTicketAdapter({
    apiUrl: fake.apiUrl,
    auth: { kind: 'token', email: fake.agentEmail, apiToken: fake.apiToken },
    ticketUrl: 'https://example.zendesk.com/agent/tickets',
    agentId: String(fake.agent.id),
    timeoutMs: HARNESS_TIMEOUT_MS,
    attachmentTimeoutMs: HARNESS_TIMEOUT_MS,
    commentPageSize: 5,
  });
  return {
    port,
    fake,
    fixtures: { groupId: String(fake.groupId), agentId: String(fake.agent.id) },
    addExternalComment: (ticketId, comment) =>
      fake.addComment(ticketId, {
        body: comment.body,
        public: comment.public,
        authorName: comment.authorName,
        ...(comment.authorId !== undefined ? { authorId: comment.authorId } : {}),
        ...(comment.attachments !== undefined
          ? {
              attachments: comment.attachments.map((file) => ({
                name: file.name,
                contentType: file.mimeType,
                bytes: file.bytes,
              })),
            }
          : {}),
      }),
    createExternalTicket: (ticket) =>
      fake.createEmailTicket({
        subject: ticket.subject,
        body: ticket.body,
        ...(ticket.requesterName !== undefined ? { requesterName: ticket.requesterName } : {}),
        ...(ticket.requesterEmail !== undefined ? { requesterEmail: ticket.requesterEmail } : {}),
      }),
    closeTicket: (ticketId) => fake.setStatus(ticketId, 'closed'),
    requestCount: () => fake.apiRequestCount(),
    ticketCount: () => fake.tickets.length,
    setExternalStatus: (ticketId, status) => fake.agentActions.setStatus(ticketId, status, fake.agent.id),
    mergeExternal: (sourceId, targetId) => fake.agentActions.merge(sourceId, targetId, fake.agent.id),
    deleteExternal: (ticketId) => fake.agentActions.delete(ticketId),
    redactExternal: (ticketId, commentId) => fake.agentActions.redact(ticketId, commentId, fake.agent.id),
    followUpSourceOf: (ticketId) => fake.agentActions.followUpSourceOf(ticketId),
    failNext: (kind: FaultKind, faultOptions: FaultOptions = {}) =>
      fake.failNext(FAULTS[kind], {
        ...(faultOptions.count !== undefined ? { count: faultOptions.count } : {}),
        ...(faultOptions.retryAfterMs !== undefined ? { retryAfterMs: faultOptions.retryAfterMs } : {}),
        ...(kind === 'timeout' ? { delayMs: HARNESS_TIMEOUT_MS + 1000 } : {}),
      }),
    removeAttachment: (attachment) => {
      if (attachment.id === undefined) throw new Error('fake zendesk: an attachment without an id');
      fake.removeAttachment(attachment.id);
    },
    close: () => fake.close(),
  };
}
