import type { AcceptInput, AcceptResult, SlackEventsPluginOptions } from './slack-events-config.ts';

/** The outcome of handing an event to `accept`. */
export type AcceptOutcome =
  | { readonly ok: true; readonly result: AcceptResult }
  | { readonly ok: false; readonly why: 'failed' | 'too slow'; readonly error?: unknown };

/**
 * Calls `accept`, but gives up after `acceptTimeoutMs` so Slack gets its answer inside its
 * 3-second budget. A late accept may still complete: the redelivery then finds a duplicate.
 */
export async function acceptWithin(
  options: SlackEventsPluginOptions,
  input: AcceptInput,
): Promise<AcceptOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<AcceptOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, why: 'too slow' }), options.acceptTimeoutMs ?? 2_500);
  });
  const accepted = Promise.resolve()
    .then(() => options.accept(input))
    .then(
      (result): AcceptOutcome => ({ ok: true, result }),
      (error: unknown): AcceptOutcome => ({ ok: false, why: 'failed', error }),
    );
  try {
    return await Promise.race([accepted, tooSlow]);
  } finally {
    clearTimeout(timer);
  }
}
