import { type Kysely, sql } from 'kysely';
import type { Schema } from '../src/index.ts';

/**
 * Bulk-loads `count` issues with one INSERT ... SELECT over generate_series per batch: ~5% open,
 * the rest resolved within 0-14 days of opening (skewed short), openings spread evenly over the
 * two years before `now`, 10% from email, five channels. Deterministic for a given seed.
 */
export async function loadIssues(
  db: Kysely<Schema>,
  count: number,
  now: Date,
  onBatch: (loaded: number) => void = () => {},
): Promise<void> {
  const batch = 100_000;
  await sql`select setseed(0.42)`.execute(db);
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await sql`
      insert into issues (id, platform, channel, thread_id, ticket_id, status, source, opened_at, resolved_at)
      select gen_random_uuid(), 'slack', 'C0' || (g % 5), opened_epoch::text || '.' || lpad((g % 1000000)::text, 6, '0'),
             g::text, case when open then 'open' else 'resolved' end,
             case when g % 10 = 0 then 'email' else 'chat' end,
             to_timestamp(opened_epoch),
             case when open then null
                  else least(to_timestamp(opened_epoch) + resolve_after, ${now}::timestamptz) end
      from (
        -- random() in a select list runs per row (an uncorrelated LATERAL would run once).
        select g,
               extract(epoch from ${now}::timestamptz - interval '730 days')::bigint
                 + (random() * 730 * 86400)::bigint as opened_epoch,
               random() < 0.05 as open,
               (random() ^ 3) * interval '14 days' as resolve_after
        from generate_series(${start}::int, ${end}::int) as g
      ) as s
    `.execute(db);
    onBatch(end);
  }
}
