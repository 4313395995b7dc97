import { createHash } from 'node:crypto';
import type { OnCall, OnCallPerson } from '@zenslackchat/core';

/** A person as `setOnCall` takes them: a name, or the core's `OnCallPerson`. */
export type FakePerson = string | OnCallPerson;

/** Who is on call for one policy in the fake, per level. */
export interface FakeOnCall {
  readonly primary: readonly FakePerson[];
  readonly secondary: readonly FakePerson[];
}

/** Turns the core's `OnCall` (or plain names) into the fake's per-level lists. */
export function normaliseOnCall(onCall: FakeOnCall | OnCall): { primary: string[]; secondary: string[] } {
  const names = (people: readonly FakePerson[]) => people.map((p) => (typeof p === 'string' ? p : p.name));
  return { primary: names(onCall.primary), secondary: names(onCall.secondary) };
}

const userId = (name: string): string =>
  `PU${createHash('sha1').update(name).digest('hex').slice(0, 6).toUpperCase()}`;

/** Builds `/oncalls` entries in PagerDuty's real shape for the asked policies, level 1 first. */
export function buildOnCallEntries(
  policies: ReadonlyMap<string, { primary: string[]; secondary: string[] }>,
  policyIds: readonly string[],
  now: Date,
): Record<string, unknown>[] {
  const start = new Date(now.getTime() - 3_600_000).toISOString();
  const end = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  const entries: Record<string, unknown>[] = [];
  for (const policyId of policyIds) {
    const onCall = policies.get(policyId);
    if (!onCall) continue;
    const levels = [onCall.primary, onCall.secondary] as const;
    levels.forEach((names, index) => {
      for (const name of names) {
        const id = userId(name);
        entries.push({
          escalation_policy: {
            id: policyId,
            type: 'escalation_policy_reference',
            summary: `Policy ${policyId}`,
            self: `https://api.pagerduty.com/escalation_policies/${policyId}`,
          },
          escalation_level: index + 1,
          schedule: {
            id: `PS${index + 1}${policyId}`,
            type: 'schedule_reference',
            summary: `Level ${index + 1}`,
          },
          user: { id, type: 'user_reference', summary: name, self: `https://api.pagerduty.com/users/${id}` },
          start,
          end,
        });
      }
    });
  }
  return entries;
}
