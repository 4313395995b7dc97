import { apiError, type FakeComment, type FakeResponse } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { includes, usersOf } from './fake-tickets-api.ts';
import { commentWire, type FakeMode, userWire } from './fake-wire.ts';

const MAX_PAGE = 100;

/** How a list answer is built: the fake's data, its default page size and its mode. */
export interface ListContext {
  readonly state: FakeState;
  readonly defaultPageSize: number;
  readonly mode: FakeMode;
}

/**
 * `GET /tickets/{id}/comments`
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#list-comments)
 * with both paginations of https://developer.zendesk.com/api-reference/introduction/pagination/:
 * offset (`page`, `per_page`, `sort_order=asc|desc`, `next_page` URL) and cursor (`page[size]`,
 * `page[after]`, `sort=created_at|-created_at`, `meta.has_more`). Sideloads users on `include=users`.
 */
export function listComments(
  context: ListContext,
  ticketId: number,
  query: Record<string, string>,
  url: string,
): FakeResponse {
  const all = context.state.comments.get(ticketId);
  if (!all) return apiError(404, 'RecordNotFound', 'Not found');
  const cursor = query['page[size]'] !== undefined || query['page[after]'] !== undefined;
  return cursor ? cursorPage(context, all, query, url) : offsetPage(context, all, query, url);
}

function offsetPage(
  context: ListContext,
  all: readonly FakeComment[],
  query: Record<string, string>,
  url: string,
): FakeResponse {
  const perPage = intParam(query.per_page, context.defaultPageSize);
  const page = intParam(query.page, 1);
  const order = query.sort_order ?? 'asc';
  if (
    perPage === undefined ||
    perPage > MAX_PAGE ||
    page === undefined ||
    (order !== 'asc' && order !== 'desc')
  ) {
    return apiError(
      400,
      'InvalidPaginationParameter',
      'per_page must be 1..100, page >= 1, sort_order asc|desc',
    );
  }
  const sorted = order === 'desc' ? [...all].reverse() : all;
  const comments = sorted.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (n: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(n));
    next.searchParams.set('per_page', String(perPage));
    return next.toString();
  };
  const nextPage = page * perPage < sorted.length ? pageUrl(page + 1) : null;
  const extra = { previous_page: page > 1 ? pageUrl(page - 1) : null, count: sorted.length };
  return {
    status: 200,
    body: {
      comments: comments.map((comment) => commentWire(comment, context.mode)),
      ...sideload(context, comments, query),
      next_page: nextPage,
      ...(context.mode === 'full' ? extra : {}),
    },
  };
}

function cursorPage(
  context: ListContext,
  all: readonly FakeComment[],
  query: Record<string, string>,
  url: string,
): FakeResponse {
  const size = intParam(query['page[size]'], context.defaultPageSize);
  const sort = query.sort ?? 'created_at';
  if (size === undefined || size > MAX_PAGE || (sort !== 'created_at' && sort !== '-created_at')) {
    return apiError(
      400,
      'InvalidPaginationParameter',
      'page[size] must be 1..100, sort created_at|-created_at',
    );
  }
  const sorted = sort === '-created_at' ? [...all].reverse() : all;
  const after = query['page[after]'];
  const start = after === undefined ? 0 : sorted.findIndex((c) => String(c.id) === decodeCursor(after)) + 1;
  if (start === 0 && after !== undefined)
    return apiError(400, 'InvalidPaginationParameter', 'page[after] is not valid');
  const comments = sorted.slice(start, start + size);
  const last = comments.at(-1);
  const hasMore = start + size < sorted.length;
  const afterCursor = last ? encodeCursor(last.id) : null;
  const body = {
    comments: comments.map((comment) => commentWire(comment, context.mode)),
    ...sideload(context, comments, query),
    meta: { has_more: hasMore, after_cursor: afterCursor },
  };
  if (context.mode === 'minimal') return { status: 200, body };
  const first = comments[0];
  const next = new URL(url);
  next.searchParams.set('page[after]', afterCursor ?? '');
  const prev = new URL(url);
  prev.searchParams.delete('page[after]');
  prev.searchParams.set('page[before]', first ? encodeCursor(first.id) : '');
  return {
    status: 200,
    body: {
      ...body,
      meta: { ...body.meta, before_cursor: first ? encodeCursor(first.id) : null },
      links: { next: hasMore ? next.toString() : null, prev: first ? prev.toString() : null },
    },
  };
}

function sideload(context: ListContext, comments: readonly FakeComment[], query: Record<string, string>) {
  if (!includes(query, 'users')) return {};
  const users = usersOf(
    context.state,
    comments.map((c) => c.author_id),
  );
  return { users: users.map((user) => userWire(user, context.mode)) };
}

function intParam(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
}

function encodeCursor(id: number): string {
  return Buffer.from(String(id)).toString('base64url');
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString();
}
