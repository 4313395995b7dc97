import type { Claim, CreatedTicketRecord, Issue, NewChatIssue, NewEmailIssue } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';
import { type Insertable, type Kysely, sql } from 'kysely';
import { findIssueById, findIssueByThread, findIssueByTicket } from './issue-queries.ts';
import { toIssue } from './rows.ts';
import type { IssuesTable, Schema } from './schema.ts';
import { conflict, instant, issueNotFound, isUuid, text } from './validate.ts';

type Db = Kysely<Schema>;

/** The claim lost to a row this statement cannot see (only under snapshot isolation): retry. */
function vanished(): IntegrationError {
  return new IntegrationError('Conflict', 'postgres: claimed row not visible yet', {
    integration: 'postgres',
    retryable: true,
  });
}

function newRow(id: string, platform: string, channel: string, openedAt: Date): Insertable<IssuesTable> {
  return {
    id,
    platform: text(platform, 'platform'),
    channel: text(channel, 'channel'),
    thread_id: null,
    ticket_id: null,
    status: 'open',
    source: 'chat',
    opened_at: instant(openedAt, 'openedAt'),
    resolved_at: null,
    comment_cursor: null,
  };
}

/** INSERT ... ON CONFLICT DO NOTHING, then read the winner: no read-then-insert race. */
export async function claimThread(db: Db, id: string, issue: NewChatIssue): Promise<Claim> {
  const row = {
    ...newRow(id, issue.platform, issue.channel, issue.openedAt),
    thread_id: text(issue.threadId, 'threadId'),
  };
  const inserted = await db
    .insertInto('issues')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['platform', 'channel', 'thread_id']).where('thread_id', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted !== undefined) return { issue: toIssue(inserted), created: true };
  const existing = await findIssueByThread(db, issue);
  if (existing === undefined) throw vanished();
  return { issue: existing, created: false };
}

/** Same as `claimThread`, keyed by ticket id. */
export async function claimTicket(db: Db, id: string, issue: NewEmailIssue): Promise<Claim> {
  const row = {
    ...newRow(id, issue.platform, issue.channel, issue.openedAt),
    source: 'email' as const,
    ticket_id: text(issue.ticketId, 'ticketId'),
    summary: summaryText(issue.summary),
  };
  const inserted = await db
    .insertInto('issues')
    .values(row)
    .onConflict((oc) => oc.column('ticket_id').where('ticket_id', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted !== undefined) return { issue: toIssue(inserted), created: true };
  const existing = await findIssueByTicket(db, issue.ticketId);
  if (existing === undefined) throw vanished();
  return { issue: existing, created: false };
}

/**
 * Sets a column that may only go from null to one value. The NOT EXISTS guard turns "taken by
 * another issue" into zero rows instead of a unique violation, which on Postgres would abort a
 * surrounding transaction (the memory repo's caller could carry on); the unique index still
 * decides a true race, mapped to Conflict.
 */
async function attach(
  db: Db,
  issueId: string,
  column: 'ticket_id' | 'thread_id',
  value: string,
  summary?: string,
): Promise<Issue> {
  if (!isUuid(issueId)) throw issueNotFound(issueId);
  const stored = summaryText(summary);
  const updated = await db
    .updateTable('issues')
    .set({ [column]: value, ...(stored === null ? {} : { summary: stored }) })
    .where('id', '=', issueId)
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '=', value)]))
    .where(({ not, exists, selectFrom, ref }) => {
      let holder = selectFrom('issues as holder')
        .select('holder.id')
        .where(`holder.${column}`, '=', value)
        .where('holder.id', '<>', issueId);
      if (column === 'thread_id') {
        holder = holder
          .where('holder.platform', '=', ref('issues.platform'))
          .where('holder.channel', '=', ref('issues.channel'));
      }
      return not(exists(holder));
    })
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined) return toIssue(updated);
  const current = await findIssueById(db, issueId);
  if (current === undefined) throw issueNotFound(issueId);
  const what = column === 'ticket_id' ? 'ticket' : 'thread';
  const own = column === 'ticket_id' ? current.ticketId : current.threadId;
  throw conflict(
    own === null || own === value
      ? `the ${what} ${value} belongs to another issue`
      : `issue ${issueId} already has a different ${what}`,
  );
}

/** Sets the ticket of an issue; idempotent. */
export function attachTicket(db: Db, issueId: string, ticketId: string, summary?: string): Promise<Issue> {
  return attach(db, issueId, 'ticket_id', text(ticketId, 'ticketId'), summary);
}

/** A summary as stored: null when absent or empty; `Invalid` when not a string. */
function summaryText(summary: string | undefined): string | null {
  if (summary === undefined || summary === '') return null;
  return text(summary, 'summary', 100_000);
}

/** Sets the thread of an issue; idempotent. */
export function attachThread(db: Db, issueId: string, threadId: string): Promise<Issue> {
  return attach(db, issueId, 'thread_id', text(threadId, 'threadId'));
}

/** Resolves an open issue; an already resolved one keeps its first resolution time. */
export async function markResolved(db: Db, issueId: string, at: Date): Promise<Issue> {
  if (!isUuid(issueId)) throw issueNotFound(issueId);
  const updated = await db
    .updateTable('issues')
    .set({ status: 'resolved', resolved_at: instant(at, 'at') })
    .where('id', '=', issueId)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined) return toIssue(updated);
  const current = await findIssueById(db, issueId);
  if (current === undefined) throw issueNotFound(issueId);
  return current;
}

/** Records the last ticket comment handled. */
export async function setCommentCursor(db: Db, issueId: string, commentId: string): Promise<void> {
  if (!isUuid(issueId)) throw issueNotFound(issueId);
  const result = await db
    .updateTable('issues')
    .set({ comment_cursor: text(commentId, 'commentId') })
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw issueNotFound(issueId);
}

/**
 * The common case of `recordCreatedTicket` in ONE statement: the issue gets its ticket, summary
 * and cursor, and the pending delivery its owner holds is completed, together. True when both
 * happened; false when neither applied (already recorded, or a conflict), for the caller to work
 * out step by step. When only one of the two would apply, the guard divides by zero and the
 * statement, with both updates, fails. Not for use inside a transaction: a failure aborts it.
 */
export async function recordCreatedTicketAtOnce(db: Db, record: CreatedTicketRecord): Promise<boolean> {
  if (!isUuid(record.issueId)) return false;
  const ticketId = text(record.ticketId, 'ticketId');
  const summary = summaryText(record.summary);
  const cursor = record.commentCursor === null ? null : text(record.commentCursor, 'commentId');
  const target = text(record.ticketId, 'targetId', 1024);
  const result = await sql<{ issues: number; deliveries: number }>`
    WITH issue AS (
      UPDATE issues SET ticket_id = ${ticketId},
        summary = COALESCE(${summary}::text, summary),
        comment_cursor = COALESCE(${cursor}::text, comment_cursor)
      WHERE id = ${record.issueId} AND ticket_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM issues holder WHERE holder.ticket_id = ${ticketId})
      RETURNING id
    ), delivery AS (
      UPDATE deliveries SET state = 'done', target_id = ${target}, lease_until = NULL
      WHERE key = ${record.deliveryKey} AND state = 'pending' AND owner = ${record.owner}
      RETURNING key
    )
    SELECT (SELECT count(*)::int FROM issue) AS issues, (SELECT count(*)::int FROM delivery) AS deliveries,
      1 / CASE WHEN (SELECT count(*) FROM issue) = (SELECT count(*) FROM delivery) THEN 1 ELSE 0 END AS guard
  `.execute(db);
  const row = result.rows[0];
  return row !== undefined && row.issues === 1 && row.deliveries === 1;
}
