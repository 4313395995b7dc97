import type { OnCall } from '../domain/on-call.ts';

/** The on-call system (PagerDuty). */
export interface OnCallPort {
  /**
   * Who is on call now for an escalation policy: level 1 is primary, level 2 secondary. Read only,
   * so retries are harmless. Throws `IntegrationError`; the core treats any failure as "say
   * nothing", so adapters should time out fast rather than make the caller wait.
   */
  whoIsOnCall(escalationPolicyId: string): Promise<OnCall>;
}
export const OnCallPort = Symbol.for('zenslackchat.OnCallPort');
