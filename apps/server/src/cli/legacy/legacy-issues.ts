import { openDatabase } from '@zenslackchat/adapters-postgres';
import { sql } from 'kysely';
import { z } from 'zod';

/**
 * The original Django bot's issue table: model `ZenSlackChat` of app `zenslackchat`
 * (uktrade/django-zenslackchat, zenslackchat/models.py): channel_id, chat_id (the Slack ts of the
 * thread's root, also the ticket's external id), ticket_id, active, opened, closed.
 */
export const LEGACY_TABLE = 'zenslackchat_zenslackchat';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const legacyRow = z.object({
  id: z.coerce.number().int(),
  channel_id: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,30}$/, 'channel_id must be a Slack channel id'),
  chat_id: z
    .string()
    .trim()
    .regex(/^\d{6,12}\.\d{1,8}$/, 'chat_id must be a Slack message ts'),
  ticket_id: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^\d{1,20}$/)
      .nullable(),
  ),
  active: z.boolean(),
  opened: z.coerce.date(),
  closed: z.preprocess((v) => v ?? null, z.coerce.date().nullable()),
});

/** One issue of the original bot, validated. */
export type LegacyIssue = z.infer<typeof legacyRow>;

/** What reading the legacy table found: valid issues, and one line per row that is not. */
export interface LegacyRead {
  readonly issues: readonly LegacyIssue[];
  readonly invalid: readonly string[];
}

/** Reads the open issues and those closed at or after `closedSince`, oldest first. Read only. */
export async function readLegacyIssues(url: string, closedSince: Date): Promise<LegacyRead> {
  const legacy = await openDatabase({ url, poolMax: 1 });
  try {
    const { rows } = await sql<Record<string, unknown>>`
      select id, channel_id, chat_id, ticket_id, active, opened, closed
      from ${sql.table(LEGACY_TABLE)}
      where active or closed >= ${closedSince}
      order by opened, id`.execute(legacy.db);
    const issues: LegacyIssue[] = [];
    const invalid: string[] = [];
    for (const row of rows) {
      const parsed = legacyRow.safeParse(row);
      if (parsed.success) issues.push(parsed.data);
      else invalid.push(`row ${String(row.id)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
    return { issues, invalid };
  } finally {
    await legacy.close();
  }
}
