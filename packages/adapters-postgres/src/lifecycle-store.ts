import type { Issue, SweepRecord, SyncResult, TicketSync } from '@zenslackchat/core';
import { type Kysely, sql } from 'kysely';
import { findIssueById } from './issue-queries.ts';
import { toIssue } from './rows.ts';
import type { Schema } from './schema.ts';
import { conflict, instant, issueNotFound, isUuid, text, whole } from './validate.ts';

type Db = Kysely<Schema>;

const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted'];

/**
 * One UPDATE that only moves forward: the row lock orders concurrent syncs and the second one
 * re-checks `ticket_updated_at` against the first one's write (READ COMMITTED re-evaluation).
 */
export async function applyTicketSync(db: Db, issueId: string, sync: TicketSync): Promise<SyncResult> {
  if (!isUuid(issueId)) throw issueNotFound(issueId);
  if (!TICKET_STATUSES.includes(sync.ticketStatus))
    throw conflict(`unknown ticket status ${sync.ticketStatus}`);
  const updatedAt = instant(sync.ticketUpdatedAt, 'ticketUpdatedAt');
  const resolvedAt =
    sync.resolvedAt === undefined || sync.resolvedAt === null ? null : instant(sync.resolvedAt, 'resolvedAt');
  const mode = sync.resolvedAt === undefined ? 'keep' : sync.resolvedAt === null ? 'reopen' : 'resolve';
  const updated = await db
    .updateTable('issues')
    .set({
      ticket_status: sync.ticketStatus,
      ticket_updated_at: updatedAt,
      synced_at: instant(sync.syncedAt, 'syncedAt'),
      status: sql`case ${mode} when 'reopen' then 'open' when 'resolve' then 'resolved' else status end`,
      resolved_at: sql`case ${mode} when 'reopen' then null when 'resolve' then coalesce(resolved_at, ${resolvedAt}::timestamptz) else resolved_at end`,
    })
    .where('id', '=', issueId)
    .where((eb) => eb.or([eb('ticket_updated_at', 'is', null), eb('ticket_updated_at', '<=', updatedAt)]))
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined) return { issue: toIssue(updated), applied: true };
  const current = await findIssueById(db, issueId);
  if (current === undefined) throw issueNotFound(issueId);
  return { issue: current, applied: false };
}

/** Moves an issue to another ticket unless another issue has it; idempotent. */
export async function repointTicket(
  db: Db,
  issueId: string,
  ticketId: string,
  commentCursor: string | null,
): Promise<Issue> {
  if (!isUuid(issueId)) throw issueNotFound(issueId);
  const ticket = text(ticketId, 'ticketId');
  const updated = await db
    .updateTable('issues')
    .set({
      ticket_id: ticket,
      comment_cursor: commentCursor === null ? null : text(commentCursor, 'commentCursor'),
      status: 'open',
      resolved_at: null,
      ticket_status: null,
      synced_at: null,
      ticket_updated_at: null,
    })
    .where('id', '=', issueId)
    .where((eb) => eb.or([eb('ticket_id', 'is', null), eb('ticket_id', '<>', ticket)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('issues as holder').select('holder.id').where('holder.ticket_id', '=', ticket))),
    )
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined) return toIssue(updated);
  const current = await findIssueById(db, issueId);
  if (current === undefined) throw issueNotFound(issueId);
  if (current.ticketId === ticket) return current;
  throw conflict(`the ticket ${ticket} belongs to another issue`);
}

/** Issues whose ticket can still change, by id (served by the partial `issues_syncable_idx`). */
export async function listSyncable(db: Db, after: string | null, limit: number): Promise<readonly Issue[]> {
  let query = db
    .selectFrom('issues')
    .selectAll()
    .where('ticket_id', 'is not', null)
    .where(
      sql<boolean>`(status = 'open' or ticket_status is null or ticket_status not in ('closed', 'deleted'))`,
    )
    .orderBy('id')
    .limit(whole(limit, 'limit', 0, 10_000));
  if (after !== null) {
    if (!isUuid(after)) return [];
    query = query.where('id', '>', after);
  }
  return (await query.execute()).map(toIssue);
}

/** Takes the lease when free, expired or already the owner's: one INSERT ... ON CONFLICT, atomic. */
export async function acquireLease(
  db: Db,
  name: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const taken = await db
    .insertInto('sweep_leases')
    .values({ name: text(name, 'name'), owner: text(owner, 'owner'), until: instant(until, 'until') })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner: (eb) => eb.ref('excluded.owner'), until: (eb) => eb.ref('excluded.until') })
        .where((eb) =>
          eb.or([eb('sweep_leases.owner', '=', owner), eb('sweep_leases.until', '<=', instant(now, 'now'))]),
        ),
    )
    .returning('name')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Gives the lease back if `owner` holds it. */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.deleteFrom('sweep_leases').where('name', '=', name).where('owner', '=', owner).execute();
}

const COUNT_MAX = 2 ** 31 - 1;

/** Keeps a sweep's record. */
export async function saveSweep(db: Db, record: SweepRecord): Promise<void> {
  await db
    .insertInto('sweeps')
    .values({
      started_at: instant(record.startedAt, 'startedAt'),
      finished_at: instant(record.finishedAt, 'finishedAt'),
      checked: whole(record.checked, 'checked', 0, COUNT_MAX),
      changed: whole(record.changed, 'changed', 0, COUNT_MAX),
      healed: whole(record.healed, 'healed', 0, COUNT_MAX),
      failed: whole(record.failed, 'failed', 0, COUNT_MAX),
      calls: whole(record.calls, 'calls', 0, COUNT_MAX),
    })
    .execute();
}

/** Sweep records, newest first. */
export async function listSweeps(db: Db, limit: number): Promise<readonly SweepRecord[]> {
  const rows = await db
    .selectFrom('sweeps')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(whole(limit, 'limit', 0, 10_000))
    .execute();
  return rows.map((row) => ({
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    checked: row.checked,
    changed: row.changed,
    healed: row.healed,
    failed: row.failed,
    calls: row.calls,
  }));
}
