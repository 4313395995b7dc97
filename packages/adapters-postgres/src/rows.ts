import type { Delivery, DeliveryKind, Issue, IssueTicketStatus, ReportRecord } from '@zenslackchat/core';
import type { Selectable } from 'kysely';
import type { DeliveriesTable, IssuesTable } from './schema.ts';

/** An `issues` row as the repo reads it. */
export type IssueRow = Selectable<IssuesTable>;

/** A `deliveries` row as the repo reads it. */
export type DeliveryRow = Selectable<DeliveriesTable>;

/** A `reports` row with `day` read back as text. */
export interface ReportRow {
  platform: string;
  day: string;
  period_start: Date;
  period_end: Date;
  open_count: number;
  resolved_count: number;
  posted_at: Date;
}

/** Maps an issues row to the core's `Issue`. */
export function toIssue(row: IssueRow): Issue {
  return {
    id: row.id,
    platform: row.platform,
    channel: row.channel,
    threadId: row.thread_id,
    ticketId: row.ticket_id,
    status: row.status,
    source: row.source,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
    commentCursor: row.comment_cursor,
    ...(row.summary === null ? {} : { summary: row.summary }),
    ...(row.ticket_status === null ? {} : { ticketStatus: row.ticket_status as IssueTicketStatus }),
    ...(row.synced_at === null ? {} : { syncedAt: row.synced_at }),
    ...(row.ticket_updated_at === null ? {} : { ticketUpdatedAt: row.ticket_updated_at }),
  };
}

/** Maps a deliveries row to the core's `Delivery`. */
export function toDelivery(row: DeliveryRow): Delivery {
  return {
    key: row.key,
    kind: row.kind as DeliveryKind,
    issueId: row.issue_id,
    sourceId: row.source_id,
    targetId: row.target_id,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    contentHash: row.content_hash,
    owner: row.owner,
    leaseUntil: row.lease_until,
  };
}

/** Maps a reports row to the core's `ReportRecord`. */
export function toReport(row: ReportRow): ReportRecord {
  return {
    platform: row.platform,
    day: row.day,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    openCount: row.open_count,
    resolvedCount: row.resolved_count,
    postedAt: row.posted_at,
  };
}

/** `count(*)` arrives as a string from pg and a number from PGlite. */
export function toCount(value: string | number | bigint | undefined): number {
  return Number(value ?? 0);
}
