import { apiError, type FakeComment, type FakeResponse } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { includes, usersOf } from './fake-tickets-api.ts';

const MAX_PAGE = 100;

/**
 * `GET /tickets/{id}/comments` with both of the API's paginations: offset (`page`, `per_page`,
 * `sort_order=asc|desc`, `next_page` URL) and cursor (`page[size]`, `page[after]`,
 * `sort=created_at|-created_at`, `meta.has_more`). Sideloads users on `include=users`.
 */
export function listComments(
  state: FakeState,
  ticketId: number,
  query: Record<string, string>,
  url: string,
  defaultPageSize: number,
): FakeResponse {
  const all = state.comments.get(ticketId);
  if (!all) return apiError(404, 'RecordNotFound', 'Not found');
  const cursor = query['page[size]'] !== undefined || query['page[after]'] !== undefined;
  return cursor
    ? cursorPage(state, all, query, defaultPageSize)
    : offsetPage(state, all, query, url, defaultPageSize);
}

function offsetPage(
  state: FakeState,
  all: readonly FakeComment[],
  query: Record<string, string>,
  url: string,
  defaultPageSize: number,
): FakeResponse {
  const perPage = intParam(query.per_page, defaultPageSize);
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
  return {
    status: 200,
    body: {
      comments,
      ...sideload(state, comments, query),
      next_page: page * perPage < sorted.length ? pageUrl(page + 1) : null,
      previous_page: page > 1 ? pageUrl(page - 1) : null,
      count: sorted.length,
    },
  };
}

function cursorPage(
  state: FakeState,
  all: readonly FakeComment[],
  query: Record<string, string>,
  defaultPageSize: number,
): FakeResponse {
  const size = intParam(query['page[size]'], defaultPageSize);
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
  return {
    status: 200,
    body: {
      comments,
      ...sideload(state, comments, query),
      meta: { has_more: hasMore, after_cursor: last ? encodeCursor(last.id) : null, before_cursor: null },
      links: { next: null, prev: null },
    },
  };
}

function sideload(state: FakeState, comments: readonly FakeComment[], query: Record<string, string>) {
  return includes(query, 'users')
    ? {
        users: usersOf(
          state,
          comments.map((c) => c.author_id),
        ),
      }
    : {};
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
