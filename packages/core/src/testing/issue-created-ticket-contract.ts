import { expect, it } from 'vitest';
import type { CreatedTicketRecord } from '../ports/issue-repo.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';

const AT = new Date('2026-11-02T09:00:00.000Z');
const UNTIL = new Date('2026-11-02T09:02:00.000Z');

/** `recordCreatedTicket` of the IssueRepo contract: ticket, cursor and delivery, all or nothing. */
export function issueCreatedTicketTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;

  /** An issue whose ticket delivery `owner` holds, and the record of its ticket `ticketId`. */
  const leased = async (
    threadId: string,
    ticketId: string,
    owner = 'run-a',
  ): Promise<CreatedTicketRecord> => {
    const { issue } = await repo().claimThread(chatIssue(threadId));
    const key = `ticket:${threadId}`;
    await repo().beginDelivery({ key, kind: 'ticket', issueId: issue.id, sourceId: threadId }, AT, {
      owner,
      until: UNTIL,
    });
    return {
      issueId: issue.id,
      ticketId,
      summary: 'Printer on fire',
      commentCursor: '9001',
      deliveryKey: key,
      owner,
    };
  };

  it('records a created ticket at once: ticket, summary, comment cursor and its delivery done', async () => {
    const record = await leased('1700000000.000100', '501');
    await repo().recordCreatedTicket(record);
    expect(await repo().findById(record.issueId)).toMatchObject({
      ticketId: '501',
      summary: 'Printer on fire',
      commentCursor: '9001',
    });
    expect(await repo().findDelivery(record.deliveryKey)).toMatchObject({ state: 'done', targetId: '501' });
    expect((await repo().findByTicket('501'))?.id).toBe(record.issueId);
  });

  it('is idempotent: recording the same ticket again changes nothing', async () => {
    const record = await leased('1700000000.000101', '502');
    await repo().recordCreatedTicket(record);
    await repo().recordCreatedTicket(record);
    await Promise.all([repo().recordCreatedTicket(record), repo().recordCreatedTicket(record)]);
    expect(await repo().findById(record.issueId)).toMatchObject({ ticketId: '502', commentCursor: '9001' });
    expect(await repo().findDelivery(record.deliveryKey)).toMatchObject({ state: 'done', targetId: '502' });
  });

  it('leaves the cursor alone when the ticket has no first comment id', async () => {
    const record = await leased('1700000000.000102', '503');
    await repo().setCommentCursor(record.issueId, '77');
    await repo().recordCreatedTicket({ ...record, commentCursor: null });
    expect(await repo().findById(record.issueId)).toMatchObject({ ticketId: '503', commentCursor: '77' });
  });

  it('changes nothing when another run holds the delivery: Conflict, the issue still without a ticket', async () => {
    const record = await leased('1700000000.000103', '504', 'run-b');
    await expectIntegrationError(repo().recordCreatedTicket({ ...record, owner: 'run-a' }), 'Conflict');
    expect(await repo().findById(record.issueId)).toMatchObject({ ticketId: null, commentCursor: null });
    expect(await repo().findByTicket('504')).toBeUndefined();
    expect(await repo().findDelivery(record.deliveryKey)).toMatchObject({ state: 'pending', owner: 'run-b' });
  });

  it('changes nothing when another issue has the ticket: Conflict, the delivery still pending', async () => {
    const other = await leased('1700000000.000104', '505');
    await repo().recordCreatedTicket(other);
    const record = await leased('1700000000.000105', '505');
    await expectIntegrationError(repo().recordCreatedTicket(record), 'Conflict');
    expect(await repo().findById(record.issueId)).toMatchObject({ ticketId: null, commentCursor: null });
    expect(await repo().findDelivery(record.deliveryKey)).toMatchObject({ state: 'pending' });
  });

  it('joins a surrounding transaction and is undone with it', async () => {
    const record = await leased('1700000000.000106', '506');
    await expect(
      repo().transaction(async (tx) => {
        await tx.recordCreatedTicket(record);
        expect((await tx.findById(record.issueId))?.ticketId).toBe('506');
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await repo().findById(record.issueId)).toMatchObject({ ticketId: null, commentCursor: null });
    expect(await repo().findDelivery(record.deliveryKey)).toMatchObject({ state: 'pending' });
  });
}
