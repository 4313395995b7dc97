import type { DeliveryIntent } from '../domain/delivery.ts';
import type { BotDeps } from './bot-deps.ts';

/** How to perform a side effect, and optionally how to find it when an earlier attempt may have done it. */
export interface SideEffect {
  /** Performs it and returns the id of what it produced. */
  perform(): Promise<string>;
  /** Looks for the result of an earlier, unrecorded attempt. */
  find?(): Promise<string | undefined>;
}

/**
 * Performs a side effect at most once per key (at least once in the window between performing
 * and recording when `find` cannot tell): records the intent, skips it when already done, looks
 * for a half-done earlier attempt, performs, records the result. Returns the produced id.
 */
export async function deliverOnce(
  deps: Pick<BotDeps, 'repo' | 'clock'>,
  intent: DeliveryIntent,
  effect: SideEffect,
): Promise<string> {
  const delivery = await deps.repo.beginDelivery(intent, deps.clock.now());
  if (delivery.state === 'done' && delivery.targetId !== null) return delivery.targetId;
  if (delivery.attempts > 1 && effect.find) {
    const found = await effect.find();
    if (found !== undefined) {
      await deps.repo.completeDelivery(intent.key, found);
      return found;
    }
  }
  const targetId = await effect.perform();
  await deps.repo.completeDelivery(intent.key, targetId);
  return targetId;
}
