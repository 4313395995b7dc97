import { expect, it } from 'vitest';
import type { NewTicket } from '../domain/ticket.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { TicketFixtures, TicketHarness } from './harness.ts';

/** Made-up ids for harnesses whose fake accepts any (the memory adapter does). */
export const DEFAULT_FIXTURES: TicketFixtures = { groupId: '360003877797', agentId: '375202855898' };

/** A valid NewTicket; `key` makes the idempotency key and external id unique. */
export function sampleTicket(key: string, overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    idempotencyKey: `create-${key}`,
    subject: `Support request ${key}`,
    description: `The printer on floor 3 is on fire (${key}).`,
    externalId: `C0SUPPORT:${key}`,
    ...overrides,
  };
}

/** The comment half of the TicketPort contract; called inside `ticketPortContract`'s describe. */
export function ticketCommentTests(harness: () => TicketHarness): void {
  const port = () => harness().port;
  const agentId = () => harness().fixtures?.agentId ?? DEFAULT_FIXTURES.agentId;

  it('lists the description first when asked for every comment', async () => {
    const ticket = await port().createTicket(sampleTicket('list-all'));
    const comments = await port().listCommentsAfter(ticket.id, null);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: ticket.firstCommentId, body: ticket.description });
  });

  it('adds public comments and internal notes, listed oldest first with their author', async () => {
    const ticket = await port().createTicket(sampleTicket('comments'));
    const pub = await port().addComment(ticket.id, { body: 'public reply', public: true });
    const note = await port().addComment(ticket.id, {
      body: 'internal note',
      public: false,
      authorId: agentId(),
    });
    expect(pub.id).not.toBe(note.id);
    const comments = await port().listCommentsAfter(ticket.id, ticket.firstCommentId);
    expect(comments.map((c) => [c.id, c.body, c.public])).toEqual([
      [pub.id, 'public reply', true],
      [note.id, 'internal note', false],
    ]);
    expect(comments[0]?.author.id).toMatch(/.+/);
    expect(comments[1]?.author.id).toBe(agentId());
    for (const comment of comments) {
      expect(comment.channel).toMatch(/.+/);
      if (comment.createdAt !== undefined) expect(comment.createdAt).toBeInstanceOf(Date);
      expect(comment.attachments).toEqual([]);
    }
  });

  it('lists only the comments after a cursor, in order', async () => {
    const ticket = await port().createTicket(sampleTicket('cursor'));
    const first = await port().addComment(ticket.id, { body: 'one', public: true });
    const second = await port().addComment(ticket.id, { body: 'two', public: true });
    const third = await port().addComment(ticket.id, { body: 'three', public: true });
    const after = await port().listCommentsAfter(ticket.id, first.id);
    expect(after.map((c) => c.id)).toEqual([second.id, third.id]);
    expect(await port().listCommentsAfter(ticket.id, third.id)).toEqual([]);
  });

  // Harnesses of paginating adapters must make the fake's page size small (e.g. 5), so this
  // thread spans several pages and the cost check below means something.
  it('follows pagination over 30 comments, and reading the newest costs no more than all', async () => {
    const ticket = await port().createTicket(sampleTicket('paginate'));
    const ids: string[] = [];
    for (let i = 1; i <= 30; i++)
      ids.push((await port().addComment(ticket.id, { body: `c${i}`, public: true })).id);
    const before = harness().requestCount();
    const all = await port().listCommentsAfter(ticket.id, null);
    const costAll = harness().requestCount() - before;
    expect(all.map((c) => c.id)).toEqual([ticket.firstCommentId, ...ids]);
    expect(all.slice(1).map((c) => c.body)).toEqual(ids.map((_, i) => `c${i + 1}`));
    expect((await port().listCommentsAfter(ticket.id, ids[24]!)).map((c) => c.id)).toEqual(ids.slice(25));
    const beforeNewest = harness().requestCount();
    expect((await port().listCommentsAfter(ticket.id, ids[28]!)).map((c) => c.id)).toEqual([ids[29]]);
    const costNewest = harness().requestCount() - beforeNewest;
    expect(costNewest).toBeGreaterThan(0);
    expect(costNewest).toBeLessThanOrEqual(Math.max(1, costAll - 1));
  });

  it('shows comments made on the ticketing side, with their author and visibility', async () => {
    const ticket = await port().createTicket(sampleTicket('external'));
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
    const comments = await port().listCommentsAfter(ticket.id, ticket.firstCommentId);
    expect(comments.map((c) => [c.id, c.body, c.public])).toEqual([
      [reply, 'We are on it', true],
      [note, 'do not forward', false],
    ]);
    expect(comments[0]?.author).toMatchObject({ id: '777', name: 'Agent Smith' });
  });

  it('rejects a comment on an unknown ticket as NotFound', async () => {
    await expectIntegrationError(
      port().addComment('987654321', { body: 'hello?', public: true }),
      'NotFound',
    );
  });
}
