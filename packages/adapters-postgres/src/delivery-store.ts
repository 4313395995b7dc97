import type { Delivery, DeliveryKind } from '@zenslackchat/core';
import type { Kysely } from 'kysely';
import { toDelivery } from './rows.ts';
import type { Schema } from './schema.ts';
import { instant, text } from './validate.ts';

type Db = Kysely<Schema>;

/** A delivery by key. */
export async function findDelivery(db: Db, key: string): Promise<Delivery | undefined> {
  const row = await db.selectFrom('deliveries').selectAll().where('key', '=', key).executeTakeFirst();
  return row && toDelivery(row);
}

/** The (earliest) delivery of a kind that produced `targetId`. */
export async function findDeliveryByTarget(
  db: Db,
  kind: DeliveryKind,
  targetId: string,
): Promise<Delivery | undefined> {
  const row = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row && toDelivery(row);
}

/** Inserts the event id unless present; true when this call inserted it. */
export async function recordInboundEvent(
  db: Db,
  source: string,
  eventId: string,
  at: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('inbound_events')
    .values({
      source: text(source, 'source', 64),
      event_id: text(eventId, 'eventId', 512),
      received_at: instant(at, 'at'),
    })
    .onConflict((oc) => oc.columns(['source', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the event id is recorded. */
export async function hasInboundEvent(db: Db, source: string, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('inbound_events')
    .select('event_id')
    .where('source', '=', source)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes inbound event ids received before `before`; returns how many. */
export async function pruneInboundEvents(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('inbound_events')
    .where('received_at', '<', instant(before, 'before'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
