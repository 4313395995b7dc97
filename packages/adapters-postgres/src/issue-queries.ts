import type { Issue, IssueQuery, ThreadKey } from '@zenslackchat/core';
import type { Kysely } from 'kysely';
import { toCount, toIssue } from './rows.ts';
import type { Schema } from './schema.ts';
import { instant, isUuid, whole } from './validate.ts';

type Db = Kysely<Schema>;

/** Largest page `listIssues` serves. */
export const MAX_PAGE = 1000;

// The hot queries are exported as builders too, so the benchmark EXPLAINs exactly what runs.

/** Query: the issue of a thread (served by the unique thread index). */
export function issueByThreadQuery(db: Db, thread: ThreadKey) {
  return db
    .selectFrom('issues')
    .selectAll()
    .where('platform', '=', thread.platform)
    .where('channel', '=', thread.channel)
    .where('thread_id', '=', thread.threadId);
}

/** Query: the issue of a ticket (served by the unique ticket index). */
export function issueByTicketQuery(db: Db, ticketId: string) {
  return db.selectFrom('issues').selectAll().where('ticket_id', '=', ticketId);
}

/** Query: how many issues are open (an index-only scan of the partial open index). */
export function countOpenQuery(db: Db, platform?: string) {
  return db
    .selectFrom('issues')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'open')
    .$if(platform !== undefined, (q) => q.where('platform', '=', platform ?? ''));
}

/** Query: how many issues were resolved in [from, to) (a range scan of the resolved_at index). */
export function countResolvedQuery(db: Db, from: Date, to: Date, platform?: string) {
  return db
    .selectFrom('issues')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('resolved_at', '>=', instant(from, 'from'))
    .where('resolved_at', '<', instant(to, 'to'))
    .$if(platform !== undefined, (q) => q.where('platform', '=', platform ?? ''));
}

/** The issue of a thread. */
export async function findIssueByThread(db: Db, thread: ThreadKey): Promise<Issue | undefined> {
  const row = await issueByThreadQuery(db, thread).executeTakeFirst();
  return row && toIssue(row);
}

/** The issue of a ticket. */
export async function findIssueByTicket(db: Db, ticketId: string): Promise<Issue | undefined> {
  const row = await issueByTicketQuery(db, ticketId).executeTakeFirst();
  return row && toIssue(row);
}

/** The issue with that id; undefined also for ids that cannot be issue ids. */
export async function findIssueById(db: Db, issueId: string): Promise<Issue | undefined> {
  if (!isUuid(issueId)) return undefined;
  const row = await db.selectFrom('issues').selectAll().where('id', '=', issueId).executeTakeFirst();
  return row && toIssue(row);
}

/** A page of issues, newest first (creation order breaks ties). */
export async function listIssues(db: Db, query: IssueQuery): Promise<readonly Issue[]> {
  let select = db.selectFrom('issues').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.source !== undefined) select = select.where('source', '=', query.source);
  const search = query.search?.trim() ?? '';
  if (search !== '') {
    // ILIKE on the summary (trigram index), or an exact id; LIKE's wildcards in the text are escaped.
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('summary', 'ilike', pattern),
        eb('ticket_id', '=', search),
        eb('thread_id', '=', search),
        ...(isUuid(search) ? [eb('id', '=', search)] : []),
      ]),
    );
  }
  const rows = await select
    .orderBy('opened_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(whole(query.limit, 'limit', 0, MAX_PAGE))
    .offset(whole(query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER))
    .execute();
  return rows.map(toIssue);
}

/** How many issues are open. */
export async function countOpen(db: Db, platform?: string): Promise<number> {
  return toCount((await countOpenQuery(db, platform).executeTakeFirst())?.n);
}

/** How many issues were resolved in [from, to). */
export async function countResolvedBetween(db: Db, from: Date, to: Date, platform?: string): Promise<number> {
  return toCount((await countResolvedQuery(db, from, to, platform).executeTakeFirst())?.n);
}

/** Open issues, oldest first (the partial open index, read backwards). */
export async function listOpenOldestFirst(
  db: Db,
  limit: number,
  platform?: string,
): Promise<readonly Issue[]> {
  const rows = await db
    .selectFrom('issues')
    .selectAll()
    .where('status', '=', 'open')
    .$if(platform !== undefined, (q) => q.where('platform', '=', platform ?? ''))
    .orderBy('opened_at', 'asc')
    .orderBy('seq', 'asc')
    .limit(whole(limit, 'limit', 0, MAX_PAGE))
    .execute();
  return rows.map(toIssue);
}

/** Issues resolved in [from, to), earliest resolution first (the resolved_at index). */
export async function listResolvedBetween(
  db: Db,
  from: Date,
  to: Date,
  limit: number,
  platform?: string,
): Promise<readonly Issue[]> {
  const rows = await db
    .selectFrom('issues')
    .selectAll()
    .where('resolved_at', '>=', instant(from, 'from'))
    .where('resolved_at', '<', instant(to, 'to'))
    .$if(platform !== undefined, (q) => q.where('platform', '=', platform ?? ''))
    .orderBy('resolved_at', 'asc')
    .orderBy('seq', 'asc')
    .limit(whole(limit, 'limit', 0, MAX_PAGE))
    .execute();
  return rows.map(toIssue);
}
