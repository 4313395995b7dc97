import type { DeliveryIntent } from '../domain/delivery.ts';
import type { BotDeps } from './bot-deps.ts';
import { leaseDelivery, releaseLease, whileLeased } from './delivery-lease.ts';

/** How to perform a side effect, and optionally how to find it when an earlier attempt may have done it. */
export interface SideEffect {
  /** Performs it and returns the id of what it produced. */
  perform(): Promise<string>;
  /** Looks for the result of an earlier, unrecorded attempt. */
  find?(): Promise<string | undefined>;
}

/**
 * Performs a side effect at most once per key (at least once in the window between performing
 * and recording when `find` cannot tell): records the intent under a lease, skips it when already
 * done, refuses to act while another run's lease is live (`DeliveryBusyError`, deferred until it ends), looks
 * for a half-done earlier attempt, performs (renewing the lease meanwhile), records the result as the lease's owner. A failed
 * run releases its lease (still pending) so its retry need not wait for it to end. Returns the
 * produced id.
 */
export async function deliverOnce(
  deps: Pick<BotDeps, 'repo' | 'clock' | 'settings'>,
  intent: DeliveryIntent,
  effect: SideEffect,
): Promise<string> {
  const leased = await leaseDelivery(deps, intent);
  if (leased.done) return leased.targetId;
  try {
    const targetId = await whileLeased(deps, intent.key, leased.owner, async () => {
      const found = leased.delivery.attempts > 1 && effect.find ? await effect.find() : undefined;
      return found ?? (await effect.perform());
    });
    await deps.repo.completeDelivery(intent.key, targetId, leased.owner);
    return targetId;
  } catch (error) {
    await releaseLease(deps, intent.key, leased.owner);
    throw error;
  }
}
