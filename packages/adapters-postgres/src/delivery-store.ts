import type { Delivery, DeliveryIntent, DeliveryKind } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';
import type { Kysely } from 'kysely';
import { toDelivery } from './rows.ts';
import type { Schema } from './schema.ts';
import { deliveryKind, instant, text } from './validate.ts';

type Db = Kysely<Schema>;

/** Inserts the intent pending, or bumps `attempts` of a pending one; done ones come back unchanged. */
export async function beginDelivery(db: Db, intent: DeliveryIntent, at: Date): Promise<Delivery> {
  const key = text(intent.key, 'delivery key', 1024);
  const row = await db
    .insertInto('deliveries')
    .values({
      key,
      kind: deliveryKind(intent.kind),
      issue_id: intent.issueId,
      source_id: intent.sourceId,
      target_id: null,
      state: 'pending',
      attempts: 1,
      created_at: instant(at, 'at'),
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ attempts: eb('deliveries.attempts', '+', 1) }))
        .where('deliveries.state', '=', 'pending'),
    )
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) return toDelivery(row);
  const done = await findDelivery(db, key);
  if (done === undefined)
    throw new IntegrationError('Conflict', 'postgres: delivery vanished', { integration: 'postgres' });
  return done;
}

/** Marks a pending delivery done; the first completion wins (a late duplicate changes nothing). */
export async function completeDelivery(db: Db, key: string, targetId: string): Promise<void> {
  const result = await db
    .updateTable('deliveries')
    .set({ state: 'done', target_id: text(targetId, 'targetId', 1024) })
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;
  if ((await findDelivery(db, key)) === undefined) {
    throw new IntegrationError('NotFound', `postgres: no delivery ${key}`, { integration: 'postgres' });
  }
}

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

/** Deletes inbound event ids received before `before`; returns how many. */
export async function pruneInboundEvents(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('inbound_events')
    .where('received_at', '<', instant(before, 'before'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
