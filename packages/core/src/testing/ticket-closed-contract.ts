import { expect, it } from 'vitest';
import { isTicketClosed } from '../errors.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { TicketHarness } from './harness.ts';
import { sampleTicket } from './ticket-comments-contract.ts';

const UNKNOWN = '987654321';

async function expectClosed(call: Promise<unknown>, ticketId: string): Promise<void> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isTicketClosed(error), `expected TicketClosedError, got ${String(error)}`).toBe(true);
  expect((error as { ticketId: string }).ticketId).toBe(ticketId);
}

/** Closed and unknown tickets; called inside `ticketPortContract`'s describe. */
export function ticketClosedTests(harness: () => TicketHarness): void {
  const port = () => harness().port;

  it('refuses a comment on a closed ticket with TicketClosedError, adding nothing', async () => {
    const ticket = await port().createTicket(sampleTicket('closed-comment'));
    await harness().closeTicket(ticket.id);
    await expectClosed(port().addComment(ticket.id, { body: 'too late', public: true }), ticket.id);
    expect(await port().listCommentsAfter(ticket.id, ticket.firstCommentId)).toEqual([]);
  });

  it('refuses to link a closed ticket with TicketClosedError', async () => {
    const id = await harness().createExternalTicket({ subject: 'Closed email', body: 'Help' });
    await harness().closeTicket(id);
    await expectClosed(port().linkTicket(id, { externalId: 'C0SUPPORT:closed' }), id);
    expect((await port().getTicket(id))?.externalId).toBeNull();
  });

  it('leaves a closed ticket closed when asked to solve it', async () => {
    const ticket = await port().createTicket(sampleTicket('closed-solve'));
    await harness().closeTicket(ticket.id);
    await port().solveTicket(ticket.id);
    expect((await port().getTicket(ticket.id))?.status).toBe('closed');
  });

  it('answers NotFound for unknown ids when solving, linking and listing comments', async () => {
    await expectIntegrationError(port().solveTicket(UNKNOWN), 'NotFound');
    await expectIntegrationError(port().linkTicket(UNKNOWN, { externalId: 'C0SUPPORT:none' }), 'NotFound');
    await expectIntegrationError(port().listCommentsAfter(UNKNOWN, null), 'NotFound');
  });
}
