import type { OnCall, OnCallPort } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';
import { FaultInjector } from './fault-injector.ts';

/** An in-memory OnCallPort: who is on call per escalation policy, set by the test. */
export class MemoryOnCall implements OnCallPort {
  /** Failures for the next calls. */
  readonly faults = new FaultInjector({ integration: 'memory-on-call', timeoutAfterWork: false });
  readonly #policies = new Map<string, OnCall>();

  /** Sets who is on call for a policy (replacing what was there). */
  set(policyId: string, onCall: OnCall): void {
    this.#policies.set(policyId, {
      primary: onCall.primary.map((p) => ({ ...p })),
      secondary: onCall.secondary.map((p) => ({ ...p })),
    });
  }

  /** Who is on call; throws `NotFound` for a policy never set. */
  whoIsOnCall(escalationPolicyId: string): Promise<OnCall> {
    return this.faults.run('whoIsOnCall', () => {
      const onCall = this.#policies.get(escalationPolicyId);
      if (onCall === undefined) {
        throw new IntegrationError('NotFound', `escalation policy ${escalationPolicyId} not found`, {
          integration: 'memory-on-call',
        });
      }
      return { primary: [...onCall.primary], secondary: [...onCall.secondary] };
    });
  }
}
