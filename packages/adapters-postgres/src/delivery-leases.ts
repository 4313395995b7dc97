import type { Delivery, DeliveryIntent, DeliveryLease } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';
import { type Kysely, sql } from 'kysely';
import { findDelivery } from './delivery-store.ts';
import { toDelivery } from './rows.ts';
import type { Schema } from './schema.ts';
import { deliveryKind, instant, text } from './validate.ts';

type Db = Kysely<Schema>;

const storeError = (reason: 'Conflict' | 'NotFound', message: string) =>
  new IntegrationError(reason, `postgres: ${message}`, { integration: 'postgres' });

/**
 * Inserts the intent pending and leased, or takes over a pending one whose lease is the caller's,
 * released or ended, in one statement: the row lock of `on conflict do update` makes exactly one
 * of several concurrent callers the owner. Otherwise the stored row comes back unchanged.
 */
export async function beginDelivery(
  db: Db,
  intent: DeliveryIntent,
  at: Date,
  lease: DeliveryLease,
): Promise<Delivery> {
  const key = text(intent.key, 'delivery key', 1024);
  const owner = text(lease.owner, 'lease owner', 200);
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
      owner,
      lease_until: instant(lease.until, 'lease until'),
      content_hash: intent.contentHash === undefined ? null : text(intent.contentHash, 'content hash', 200),
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          attempts: eb('deliveries.attempts', '+', 1),
          owner: eb.ref('excluded.owner'),
          lease_until: eb.ref('excluded.lease_until'),
          content_hash: sql<string | null>`coalesce(excluded.content_hash, deliveries.content_hash)`,
        }))
        .where('deliveries.state', '=', 'pending')
        .where((eb) =>
          eb.or([
            eb('deliveries.owner', '=', owner),
            eb('deliveries.lease_until', 'is', null),
            eb('deliveries.lease_until', '<=', at),
          ]),
        ),
    )
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) return toDelivery(row);
  const stored = await findDelivery(db, key);
  if (stored === undefined) throw storeError('Conflict', 'delivery vanished');
  return stored;
}

/** Marks a pending delivery done by its owner; done with the same target is a no-op. */
export async function completeDelivery(db: Db, key: string, targetId: string, owner: string): Promise<void> {
  const target = text(targetId, 'targetId', 1024);
  const result = await db
    .updateTable('deliveries')
    .set({ state: 'done', target_id: target, lease_until: null })
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where('owner', '=', owner)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;
  const stored = await findDelivery(db, key);
  if (stored === undefined) throw storeError('NotFound', `no delivery ${key}`);
  if (stored.state === 'done' && stored.targetId === target) return;
  throw storeError(
    'Conflict',
    stored.state === 'done'
      ? `delivery ${key} is done with another target`
      : `delivery ${key} is leased to another run`,
  );
}

/** Extends `owner`'s (not released) lease of a pending delivery; false when it no longer holds it. */
export async function renewDelivery(db: Db, key: string, owner: string, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ lease_until: instant(until, 'lease until') })
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where('owner', '=', owner)
    .where('lease_until', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends `owner`'s lease of a pending delivery. */
export async function releaseDelivery(db: Db, key: string, owner: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ lease_until: null })
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where('owner', '=', owner)
    .execute();
}

/** The earliest pending delivery of an issue with that content hash. */
export async function findPendingByContent(
  db: Db,
  issueId: string,
  contentHash: string,
): Promise<Delivery | undefined> {
  const row = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('issue_id', '=', issueId)
    .where('content_hash', '=', contentHash)
    .where('state', '=', 'pending')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row && toDelivery(row);
}
