import { DeliveryBusyError } from '../deferred-error.ts';
import type { Delivery, DeliveryIntent } from '../domain/delivery.ts';
import type { BotDeps } from './bot-deps.ts';

/** A delivery this run may act on: already done, or leased to `owner`. */
export type LeasedDelivery =
  | { readonly done: true; readonly targetId: string }
  | { readonly done: false; readonly delivery: Delivery; readonly owner: string };

/**
 * Records the intent and takes its lease for a fresh random run id. Throws `DeliveryBusyError`
 * (a deferral until that lease ends) while another run's lease is live, so two overlapping runs never both act.
 */
export async function leaseDelivery(
  deps: Pick<BotDeps, 'repo' | 'clock' | 'settings'>,
  intent: DeliveryIntent,
): Promise<LeasedDelivery> {
  const owner = globalThis.crypto.randomUUID();
  const at = deps.clock.now();
  const until = new Date(at.getTime() + deps.settings.deliveryLeaseMs);
  const delivery = await deps.repo.beginDelivery(intent, at, { owner, until });
  if (delivery.state === 'done' && delivery.targetId !== null)
    return { done: true, targetId: delivery.targetId };
  if (delivery.owner !== owner) throw new DeliveryBusyError(intent.key, delivery.leaseUntil, at);
  return { done: false, delivery, owner };
}

/** Lets a retry take the delivery at once after this run failed; a failure here only delays it. */
export async function releaseLease(deps: Pick<BotDeps, 'repo'>, key: string, owner: string): Promise<void> {
  try {
    await deps.repo.releaseDelivery(key, owner);
  } catch {
    // The lease then simply runs out.
  }
}

/**
 * Runs `work` while renewing the lease every third of its length, so a run slower than one lease
 * (several vendor timeouts in a row) keeps it, yet a crashed run's lease ends within one length.
 */
export async function whileLeased<T>(
  deps: Pick<BotDeps, 'repo' | 'clock' | 'settings'>,
  key: string,
  owner: string,
  work: () => Promise<T>,
): Promise<T> {
  const leaseMs = deps.settings.deliveryLeaseMs;
  const renew = () => {
    const until = new Date(deps.clock.now().getTime() + leaseMs);
    // A failed renewal only shortens the lease; the next one tries again.
    deps.repo.renewDelivery(key, owner, until).catch(() => undefined);
  };
  const timer = setInterval(renew, Math.max(1000, leaseMs / 3));
  // Never keeps a process alive on its own.
  timer.unref?.();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
