import type { TicketComment } from '@zenslackchat/core';
import { MAX_PAGE_SIZE } from './zendesk-config.ts';
import type { ZendeskHttp } from './zendesk-http.ts';
import { toComment, usersById } from './zendesk-mapping.ts';
import { commentPageSchema, parseAnswer, type ZendeskComment } from './zendesk-schemas.ts';

// A runaway guard: 1,000 pages of 100 is far beyond any real ticket.
const MAX_PAGES = 1000;

/**
 * Comments after `afterId`, oldest first. Reads newest-first pages (`sort_order=desc`) and stops
 * at the cursor, so one new comment costs one request whatever the thread's length. Zendesk
 * comment ids grow over time, so a comment older than a cursor that has vanished also stops the
 * walk. Offset pages shift when comments arrive meanwhile; repeats are dropped by id.
 */
export async function listCommentsAfter(
  http: ZendeskHttp,
  ticketId: string,
  afterId: string | null,
  pageSize: number,
): Promise<TicketComment[]> {
  const perPage = afterId === null ? MAX_PAGE_SIZE : pageSize;
  const newestFirst: TicketComment[] = [];
  const seen = new Set<string>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await http.send('comments.list', 'GET', ['tickets', ticketId, 'comments'], {
      query: { sort_order: 'desc', per_page: perPage, page, include: 'users' },
    });
    const {
      comments,
      users,
      next_page: nextPage,
    } = parseAnswer(commentPageSchema, answer.body, 'comments.list');
    const byId = usersById(users);
    for (const comment of comments) {
      if (afterId !== null && reached(comment, afterId)) return newestFirst.reverse();
      if (seen.has(comment.id)) continue;
      seen.add(comment.id);
      newestFirst.push(toComment(comment, byId));
    }
    if (!nextPage || comments.length === 0) break;
  }
  return newestFirst.reverse();
}

function reached(comment: ZendeskComment, afterId: string): boolean {
  if (comment.id === afterId) return true;
  return /^\d+$/.test(afterId) && BigInt(comment.id) < BigInt(afterId);
}
