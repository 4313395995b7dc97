import type { OnCall } from '../domain/on-call.ts';
import { onCallNotice } from '../messages.ts';
import type { BotDeps } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import type { OnCallOutcome } from './outcomes.ts';
import { postOnce } from './post-once.ts';

/** Where the notice goes: an issue's thread. */
export interface NoticeTarget {
  readonly issueId: string;
  readonly channel: string;
  readonly threadId: string;
  /** The issue was created by this run, so no earlier notice can exist: skips looking for one. */
  readonly newIssue?: boolean;
}

/**
 * Posts who is on call in the issue's thread, once. Skipped when no escalation policy or on-call
 * port is configured; an on-call lookup failure is logged and the notice skipped, never thrown.
 * Chat failures propagate so the run is retried.
 */
export async function postOnCallNotice(deps: BotDeps, target: NoticeTarget): Promise<OnCallOutcome> {
  const policyId = deps.settings.escalationPolicyId;
  if (policyId === undefined || deps.onCall === undefined) return 'not-configured';
  const key = deliveryKeys.onCall(target.issueId);
  // On a re-run, a notice already posted saves the on-call lookup; postOnce below still decides.
  if (target.newIssue !== true && (await deps.repo.findDelivery(key))?.state === 'done') return 'posted';
  let onCall: OnCall;
  try {
    onCall = await deps.onCall.whoIsOnCall(policyId);
  } catch (error) {
    deps.logger.warn(
      { issueId: target.issueId, escalationPolicyId: policyId, err: error },
      'on-call lookup failed; notice skipped',
    );
    return 'lookup-failed';
  }
  await postOnce(deps, {
    key,
    kind: 'bot-message',
    issueId: target.issueId,
    channel: target.channel,
    threadId: target.threadId,
    text: () => onCallNotice(onCall.primary, onCall.secondary),
  });
  return 'posted';
}
