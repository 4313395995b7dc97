import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';

let h: ZendeskTicketHarness;
beforeEach(async () => {
  h = await zendeskTicketHarness();
});
afterEach(() => h.close());

function ticketWithComments(earlier: number): { ticketId: string; lastId: string } {
  const ticketId = h.fake.createEmailTicket({ subject: 's', body: 'first', requesterEmail: 'r@example.com' });
  let lastId = String(h.fake.comments(ticketId)[0]?.id);
  for (let i = 1; i < earlier; i++)
    lastId = h.fake.addComment(ticketId, { body: `c${i}`, authorName: 'Agent' });
  return { ticketId, lastId };
}

describe('listCommentsAfter', () => {
  it.each([1, 100, 1000])('costs one request for one new comment after %i earlier ones', async (earlier) => {
    const { ticketId, lastId } = ticketWithComments(earlier);
    const newId = h.fake.addComment(ticketId, { body: 'new one', authorName: 'Grace Hopper' });
    const before = h.requestCount();
    const comments = await h.port.listCommentsAfter(ticketId, lastId);
    expect(h.requestCount() - before).toBe(1);
    expect(comments.map((c) => c.id)).toEqual([newId]);
  });

  it('follows pages and returns the new comments oldest first', async () => {
    const { ticketId, lastId } = ticketWithComments(3);
    const ids = Array.from({ length: 25 }, (_, i) =>
      h.fake.addComment(ticketId, { body: `n${i}`, authorName: 'A' }),
    );
    const before = h.requestCount();
    const comments = await h.port.listCommentsAfter(ticketId, lastId);
    expect(comments.map((c) => c.id)).toEqual(ids);
    // 5 per page (the harness's size): 25 new comments fill pages 1-5, the cursor is on page 6.
    expect(h.requestCount() - before).toBe(6);
    const pages = h.fake.requests.slice(-6).map((r) => r.query);
    expect(pages.map((q) => q.page)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const query of pages)
      expect(query).toMatchObject({ sort_order: 'desc', per_page: '5', include: 'users' });
  });

  it('returns every comment for a null cursor, and nothing when nothing is new', async () => {
    const { ticketId, lastId } = ticketWithComments(5);
    expect(await h.port.listCommentsAfter(ticketId, null)).toHaveLength(5);
    expect(await h.port.listCommentsAfter(ticketId, lastId)).toEqual([]);
  });

  it('maps author, visibility, channel, body, attachments and time', async () => {
    const { ticketId, lastId } = ticketWithComments(1);
    h.fake.addComment(ticketId, {
      body: 'see attached',
      public: false,
      authorName: 'Grace Hopper',
      channel: 'web',
      attachments: [{ name: 'log.txt', contentType: 'text/plain', bytes: new Uint8Array(12) }],
    });
    const [comment] = await h.port.listCommentsAfter(ticketId, lastId);
    const raw = h.fake.comments(ticketId).at(-1);
    expect(comment).toEqual({
      id: String(raw?.id),
      author: { id: String(raw?.author_id), name: 'Grace Hopper' },
      public: false,
      channel: 'web',
      body: 'see attached',
      attachments: [
        {
          name: 'log.txt',
          url: raw?.attachments[0]?.content_url,
          id: String(raw?.attachments[0]?.id),
          size: 12,
          mimeType: 'text/plain',
        },
      ],
      createdAt: new Date(raw?.created_at ?? ''),
    });
  });

  it('stops at an older comment when the cursor comment has vanished', async () => {
    const { ticketId, lastId } = ticketWithComments(4);
    const newId = h.fake.addComment(ticketId, { body: 'new', authorName: 'A' });
    const comments = h.fake.comments(ticketId) as unknown[];
    comments.splice(comments.length - 2, 1);
    const listed = await h.port.listCommentsAfter(ticketId, lastId);
    expect(listed.map((c) => c.id)).toEqual([newId]);
  });
});

describe('listCommentsAfter while comments arrive', () => {
  it('drops the repeats the shifting pages bring, and the next call returns the newcomers', async () => {
    const { ticketId, lastId } = ticketWithComments(3);
    const ids = Array.from({ length: 12 }, (_, i) =>
      h.fake.addComment(ticketId, { body: `n${i}`, authorName: 'A' }),
    );
    const arrived: string[] = [];
    let pages = 0;
    h.fake.onApiRequest((request) => {
      if (!request.path.endsWith('/comments.json') || ++pages !== 2) return;
      for (let i = 0; i < 3; i++)
        arrived.push(h.fake.addComment(ticketId, { body: `late${i}`, authorName: 'B' }));
    });
    const walked = await h.port.listCommentsAfter(ticketId, lastId);
    expect(walked.map((c) => c.id)).toEqual(ids);
    const next = await h.port.listCommentsAfter(ticketId, walked.at(-1)?.id ?? null);
    expect(next.map((c) => c.id)).toEqual(arrived);
  });
});
