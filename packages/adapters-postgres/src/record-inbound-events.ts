import type { Kysely } from 'kysely';
import { mapDbError } from './map-db-error.ts';
import type { Schema } from './schema.ts';
import { instant, text } from './validate.ts';

/** One inbound event id to record. */
export interface InboundEventId {
  readonly source: string;
  readonly eventId: string;
}

/** The key `recordInboundEvents` reports an id under: source and event id joined by a NUL. */
export function inboundEventKey(id: InboundEventId): string {
  return `${id.source}\u0000${id.eventId}`;
}

/**
 * Records many inbound event ids with one multi-row INSERT ... ON CONFLICT DO NOTHING and returns
 * the keys (`inboundEventKey`) of those seen for the first time. An id repeated within `ids` is
 * inserted once. Run it on a transaction (`withTransaction`) to make it atomic with other writes;
 * database failures are mapped to `IntegrationError`.
 */
export async function recordInboundEvents(
  db: Kysely<Schema>,
  ids: readonly InboundEventId[],
  at: Date,
): Promise<Set<string>> {
  const received = instant(at, 'at');
  const unique = new Map<string, InboundEventId>();
  for (const id of ids) unique.set(inboundEventKey(id), id);
  if (unique.size === 0) return new Set();
  const values = [...unique.values()].map((id) => ({
    source: text(id.source, 'source', 64),
    event_id: text(id.eventId, 'eventId', 512),
    received_at: received,
  }));
  try {
    const rows = await db
      .insertInto('inbound_events')
      .values(values)
      .onConflict((oc) => oc.columns(['source', 'event_id']).doNothing())
      .returning(['source', 'event_id'])
      .execute();
    return new Set(rows.map((row) => inboundEventKey({ source: row.source, eventId: row.event_id })));
  } catch (error) {
    throw mapDbError(error);
  }
}
