import { describe, expect, it } from 'vitest';
import {
  expectFault,
  FAULT_CASES,
  faultCase,
  INJECTED_RETRY_AFTER_MS,
  useHarness,
} from './contract-helpers.ts';
import type { HarnessFactory, TicketCapabilities, TicketHarness } from './harness.ts';
import { ticketClosedTests } from './ticket-closed-contract.ts';
import { DEFAULT_FIXTURES, sampleTicket, ticketCommentTests } from './ticket-comments-contract.ts';
import { ticketLifecycleTests } from './ticket-lifecycle-contract.ts';
import { ticketUploadTests } from './ticket-uploads-contract.ts';

/**
 * The TicketPort contract. `factory` builds a fresh harness per test (closed after it). Harnesses
 * of paginating adapters should use a small page size; a `timeout` fault must outlast the
 * adapter's own timeout, and for `recoversUnknownCreate` the fake must still create the ticket.
 * A strict fake that rejects unknown group/agent ids needs `fixtures` on its harness.
 */
export function ticketPortContract(
  name: string,
  capabilities: TicketCapabilities,
  factory: HarnessFactory<TicketHarness>,
): void {
  describe(`TicketPort contract: ${name}`, () => {
    const harness = useHarness(factory);
    const port = () => harness().port;
    const ids = () => harness().fixtures ?? DEFAULT_FIXTURES;

    it('creates a ticket with every field it was given', async () => {
      const ticket = await port().createTicket(
        sampleTicket('fields', {
          groupId: ids().groupId,
          assigneeId: ids().agentId,
          requester: { name: 'Alice Example', email: 'alice@example.com' },
        }),
      );
      const expected = {
        subject: 'Support request fields',
        description: 'The printer on floor 3 is on fire (fields).',
        externalId: 'C0SUPPORT:fields',
        groupId: ids().groupId,
        assigneeId: ids().agentId,
      };
      expect(ticket).toMatchObject(expected);
      expect(ticket.id).toMatch(/.+/);
      expect(ticket.requester?.email).toBe('alice@example.com');
      expect(ticket.firstCommentId).toMatch(/.+/);
      if (ticket.createdAt !== undefined) expect(ticket.createdAt).toBeInstanceOf(Date);
      expect(['new', 'open']).toContain(ticket.status);
      const read = await port().getTicket(ticket.id);
      expect(read).toMatchObject({ ...expected, id: ticket.id, firstCommentId: ticket.firstCommentId });
      expect(read?.requester?.email).toBe('alice@example.com');
    });

    it('returns the first ticket when a create is repeated with the same idempotency key', async () => {
      const first = await port().createTicket(sampleTicket('same'));
      const second = await port().createTicket(sampleTicket('same'));
      expect(second.id).toBe(first.id);
      expect(await port().listCommentsAfter(first.id, null)).toHaveLength(1);
      expect(await (harness().ticketCount?.() ?? 1)).toBe(1);
    });

    it('opens different tickets for different idempotency keys', async () => {
      const a = await port().createTicket(sampleTicket('a'));
      const b = await port().createTicket(sampleTicket('b'));
      expect(a.id).not.toBe(b.id);
      expect((await port().getTicket(b.id))?.externalId).toBe('C0SUPPORT:b');
    });

    it('reads a ticket created on the ticketing side (email)', async () => {
      const id = await harness().createExternalTicket({
        subject: 'VPN down',
        body: 'Cannot connect since 9am',
        requesterName: 'Bob Example',
        requesterEmail: 'bob@example.com',
      });
      const ticket = await port().getTicket(id);
      expect(ticket).toMatchObject({ id, subject: 'VPN down', description: 'Cannot connect since 9am' });
      expect(ticket?.externalId).toBeNull();
      expect(ticket?.requester?.email).toBe('bob@example.com');
      expect(ticket?.firstCommentId).toMatch(/.+/);
    });

    it('returns undefined for an unknown ticket', async () => {
      expect(await port().getTicket('987654321')).toBeUndefined();
    });

    it('solves a ticket, and solving again is harmless', async () => {
      const ticket = await port().createTicket(sampleTicket('solve'));
      await port().solveTicket(ticket.id);
      await port().solveTicket(ticket.id);
      expect((await port().getTicket(ticket.id))?.status).toBe('solved');
    });

    it('links an existing ticket to a thread, idempotently', async () => {
      const id = await harness().createExternalTicket({ subject: 'Email issue', body: 'Help' });
      const link = {
        externalId: 'C0SUPPORT:1700000000.000100',
        groupId: ids().groupId,
        assigneeId: ids().agentId,
      };
      await port().linkTicket(id, link);
      await port().linkTicket(id, link);
      expect(await port().getTicket(id)).toMatchObject(link);
    });

    it('builds a ticket url that names the ticket', async () => {
      const ticket = await port().createTicket(sampleTicket('url'));
      expect(port().ticketUrl(ticket.id)).toMatch(new RegExp(`^https?://.*${ticket.id}`));
    });

    ticketCommentTests(harness);
    ticketUploadTests(harness, capabilities);
    ticketClosedTests(harness);
    ticketLifecycleTests(harness);

    for (const fault of FAULT_CASES) {
      it(`maps an injected ${fault.kind} fault to ${fault.reason}, then works again`, async () => {
        const ticket = await port().createTicket(sampleTicket(`fault-${fault.kind}`));
        harness().failNext(fault.kind, { retryAfterMs: INJECTED_RETRY_AFTER_MS });
        await expectFault(port().getTicket(ticket.id), fault);
        expect((await port().getTicket(ticket.id))?.id).toBe(ticket.id);
      });
    }

    it.runIf(capabilities.recoversUnknownCreate)(
      'recovers a create whose answer timed out: the retry returns the one ticket',
      async () => {
        harness().failNext('timeout');
        await expectFault(port().createTicket(sampleTicket('unknown')), faultCase('timeout'));
        const retried = await port().createTicket(sampleTicket('unknown'));
        expect(retried.externalId).toBe('C0SUPPORT:unknown');
        expect(await port().listCommentsAfter(retried.id, null)).toHaveLength(1);
        expect(await (harness().ticketCount?.() ?? 1)).toBe(1);
      },
    );
  });
}
