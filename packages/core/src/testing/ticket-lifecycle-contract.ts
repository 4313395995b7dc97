import { expect, it } from 'vitest';
import type { TicketHarness } from './harness.ts';
import { DEFAULT_FIXTURES, sampleTicket } from './ticket-comments-contract.ts';

/** The lifecycle half of the TicketPort contract: bulk reads, status history, follow-ups, reopening. */
export function ticketLifecycleTests(harness: () => TicketHarness): void {
  const port = () => harness().port;
  const ids = () => harness().fixtures ?? DEFAULT_FIXTURES;
  const assigned = (key: string) =>
    port().createTicket(sampleTicket(key, { groupId: ids().groupId, assigneeId: ids().agentId }));

  it('reads many tickets in one call: status and last change; a deleted one is absent', async () => {
    const a = await assigned('bulk-a');
    const b = await assigned('bulk-b');
    const gone = await assigned('bulk-gone');
    await harness().setExternalStatus(b.id, 'solved');
    await harness().deleteExternal(gone.id);
    const before = harness().requestCount();
    const states = await port().getTicketStates([a.id, b.id, gone.id]);
    expect(harness().requestCount() - before).toBe(1);
    expect(states.map((s) => [s.id, s.status]).sort()).toEqual(
      [
        [a.id, 'open'],
        [b.id, 'solved'],
      ].sort(),
    );
    for (const state of states) expect(state.updatedAt).toBeInstanceOf(Date);
    expect(await port().getTicket(gone.id)).toBeUndefined();
    expect(await port().getTicketStates([])).toEqual([]);
  });

  it('names who changed the status last, and when', async () => {
    const ticket = await assigned('history');
    await harness().setExternalStatus(ticket.id, 'solved');
    const change = await port().lastStatusChange(ticket.id);
    expect(change).toMatchObject({ status: 'solved', mergedInto: null });
    expect(change?.by?.id).toBe(ids().agentId);
    expect(change?.at).toBeInstanceOf(Date);
    expect(await port().lastStatusChange('987654321')).toBeUndefined();
  });

  it('takes a close right after a solve as the solve (closing a solved ticket is automatic)', async () => {
    const ticket = await assigned('solve-close');
    await harness().setExternalStatus(ticket.id, 'solved');
    const solved = await port().lastStatusChange(ticket.id);
    await harness().setExternalStatus(ticket.id, 'closed');
    expect(await port().lastStatusChange(ticket.id)).toEqual(solved);
  });

  it('shows a merged ticket closed and names the ticket it was merged into', async () => {
    const source = await assigned('merge-source');
    const target = await assigned('merge-target');
    await harness().mergeExternal(source.id, target.id);
    const [state] = await port().getTicketStates([source.id]);
    expect(state).toMatchObject({ id: source.id, status: 'closed' });
    expect(await port().lastStatusChange(source.id)).toMatchObject({
      status: 'closed',
      mergedInto: target.id,
    });
  });

  it('reads what happened since a comment in one call: comments, status and who changed it', async () => {
    const ticket = await assigned('read-history');
    const reply = await harness().addExternalComment(ticket.id, {
      body: 'We are on it',
      public: true,
      authorName: 'Agent Smith',
      authorId: '777',
    });
    const note = await harness().addExternalComment(ticket.id, {
      body: 'do not forward',
      public: false,
      authorName: 'Agent Smith',
      authorId: '777',
    });
    await harness().setExternalStatus(ticket.id, 'solved');
    const before = harness().requestCount();
    const history = await port().readHistory(ticket.id, ticket.firstCommentId);
    expect(harness().requestCount() - before).toBe(1);
    expect(history?.comments.map((c) => [c.id, c.body, c.public])).toEqual([
      [reply, 'We are on it', true],
      [note, 'do not forward', false],
    ]);
    expect(history?.comments[0]?.author).toMatchObject({ id: '777', name: 'Agent Smith' });
    expect(history?.status).toBe('solved');
    expect(history?.lastChange).toMatchObject({ status: 'solved', mergedInto: null });
    expect(history?.lastChange?.by?.id).toBe(ids().agentId);
    expect(history?.lastChange).toEqual(await port().lastStatusChange(ticket.id));
    expect(history?.updatedAt).toBeInstanceOf(Date);
    const after = await port().readHistory(ticket.id, note);
    expect(after?.comments).toEqual([]);
    const all = await port().readHistory(ticket.id, null);
    expect(all?.comments.map((c) => c.id)).toEqual([ticket.firstCommentId, reply, note]);
    expect(all?.status).toBe('solved');
    expect(await port().readHistory('987654321', null)).toBeUndefined();
  });

  it('reads a redaction of a comment in the history after it, with the text gone', async () => {
    const ticket = await assigned('history-redaction');
    const secret = await harness().addExternalComment(ticket.id, {
      body: 'card 4111 1111 1111 1111',
      public: true,
      authorName: 'Agent Smith',
      authorId: '777',
    });
    const later = await harness().addExternalComment(ticket.id, {
      body: 'thanks',
      public: true,
      authorName: 'Agent Smith',
      authorId: '777',
    });
    expect((await port().readHistory(ticket.id, later))?.redactedCommentIds ?? []).toEqual([]);
    await harness().redactExternal(ticket.id, secret);
    const history = await port().readHistory(ticket.id, later);
    expect(history?.redactedCommentIds).toEqual([secret]);
    expect(history?.comments).toEqual([]);
    const all = await port().readHistory(ticket.id, null);
    const redacted = all?.comments.find((c) => c.id === secret);
    expect(redacted?.body).not.toContain('4111');
  });

  it('reads a close right after a solve as the solve, and a merge with its target', async () => {
    const ticket = await assigned('history-close');
    await harness().setExternalStatus(ticket.id, 'solved');
    const solved = await port().lastStatusChange(ticket.id);
    await harness().setExternalStatus(ticket.id, 'closed');
    const closed = await port().readHistory(ticket.id, null);
    expect(closed).toMatchObject({ status: 'closed', lastChange: solved });
    const source = await assigned('history-merge-source');
    const target = await assigned('history-merge-target');
    await harness().mergeExternal(source.id, target.id);
    expect(await port().readHistory(source.id, source.firstCommentId)).toMatchObject({
      status: 'closed',
      lastChange: { status: 'closed', mergedInto: target.id },
    });
  });

  it('reopens a solved ticket with a comment that asks for it', async () => {
    const ticket = await assigned('reopen');
    await harness().setExternalStatus(ticket.id, 'solved');
    await port().addComment(ticket.id, { body: 'back again', public: true });
    expect((await port().getTicket(ticket.id))?.status).toBe('solved');
    const { id } = await port().addComment(ticket.id, { body: 'still broken', public: true, reopen: true });
    expect((await port().getTicket(ticket.id))?.status).toBe('open');
    expect((await port().listCommentsAfter(ticket.id, null)).at(-1)).toMatchObject({
      id,
      body: 'still broken',
    });
  });

  it('opens a follow-up of a closed ticket with the same people, idempotently', async () => {
    const closed = await port().createTicket(
      sampleTicket('closed', {
        groupId: ids().groupId,
        assigneeId: ids().agentId,
        requester: { name: 'Alice Example', email: 'alice@example.com' },
      }),
    );
    await harness().setExternalStatus(closed.id, 'closed');
    const request = {
      ...sampleTicket('follow-up', { description: 'Alice: it is broken again' }),
      sourceTicketId: closed.id,
      groupId: ids().groupId,
      assigneeId: ids().agentId,
      ...(closed.requester === null ? {} : { requester: closed.requester }),
    };
    const followUp = await port().createFollowUp(request);
    const again = await port().createFollowUp(request);
    expect(again.id).toBe(followUp.id);
    expect(followUp.id).not.toBe(closed.id);
    expect(await harness().followUpSourceOf(followUp.id)).toBe(closed.id);
    const read = await port().getTicket(followUp.id);
    expect(read).toMatchObject({
      externalId: 'C0SUPPORT:follow-up',
      groupId: ids().groupId,
      assigneeId: ids().agentId,
      description: 'Alice: it is broken again',
    });
    expect(read?.requester?.email).toBe('alice@example.com');
    const comments = await port().listCommentsAfter(followUp.id, null);
    expect(comments.map((c) => c.body)).toEqual(['Alice: it is broken again']);
    expect(read?.firstCommentId).toBe(comments[0]?.id);
  });
}
