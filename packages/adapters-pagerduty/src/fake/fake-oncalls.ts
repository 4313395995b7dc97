import { createHash } from 'node:crypto';
import type { OnCall, OnCallPerson } from '@zenslackchat/core';

/** A person as `setOnCall` takes them: a name, or the core's `OnCallPerson`. */
export type FakePerson = string | OnCallPerson;

/** Who is on call for one policy in the fake, per level. */
export interface FakeOnCall {
  readonly primary: readonly FakePerson[];
  readonly secondary: readonly FakePerson[];
}

/**
 * How much the fake's answers carry: `full` sends every field of PagerDuty's documented examples;
 * `minimal` leaves out what the reference marks optional or nullable (a reference is only `id` and
 * `type`; `summary`, `self`, `html_url`, `schedule`, `start` and `end` may be missing or null).
 */
export const FAKE_PAGERDUTY_MODES = ['full', 'minimal'] as const;
export type FakePagerDutyMode = (typeof FAKE_PAGERDUTY_MODES)[number];

/** Turns the core's `OnCall` (or plain names) into the fake's per-level lists. */
export function normaliseOnCall(onCall: FakeOnCall | OnCall): { primary: string[]; secondary: string[] } {
  const names = (people: readonly FakePerson[]) => people.map((p) => (typeof p === 'string' ? p : p.name));
  return { primary: names(onCall.primary), secondary: names(onCall.secondary) };
}

const API = 'https://api.pagerduty.com';
const WEB = 'https://subdomain.pagerduty.com';
const userId = (name: string): string =>
  `PU${createHash('sha1').update(name).digest('hex').slice(0, 6).toUpperCase()}`;

/** A reference (`user_reference`, `schedule_reference`...): `{id, type}`, plus labels in full mode. */
function reference(mode: FakePagerDutyMode, kind: string, path: string, id: string, summary: string) {
  const base = { id, type: `${kind}_reference` };
  if (mode === 'minimal') return base;
  return { ...base, summary, self: `${API}/${path}/${id}`, html_url: `${WEB}/${path}/${id}` };
}

/**
 * The on-call's user. Without `include[]=users` a `user_reference`; with it, the User object,
 * whose `name`, `email` and `type` are required (GET /users/{id} "Response Example" for the full
 * one). https://developer.pagerduty.com/api-reference/3a6b910f11050-list-all-of-the-on-calls
 */
function userOf(mode: FakePagerDutyMode, name: string, includeUsers: boolean): Record<string, unknown> {
  const id = userId(name);
  if (!includeUsers) return reference(mode, 'user', 'users', id, name);
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;
  if (mode === 'minimal') return { id, type: 'user', name, email };
  return {
    ...reference(mode, 'user', 'users', id, name),
    type: 'user',
    name,
    email,
    time_zone: 'America/Lima',
    color: 'green',
    role: 'user',
    avatar_url: 'https://pd-static-assets.pagerduty.com/users/blank-avatar.png',
    description: '',
    invitation_sent: false,
    job_title: '',
    teams: [],
  };
}

/**
 * Builds `/oncalls` entries for the asked policies, level 1 first, in the shape of the "List all of
 * the on-calls" Response Example (user, schedule, escalation_policy, escalation_level, start, end):
 * https://developer.pagerduty.com/api-reference/3a6b910f11050-list-all-of-the-on-calls
 * Minimal entries keep only the references' ids and types and `escalation_level`.
 */
export function buildOnCallEntries(
  policies: ReadonlyMap<string, { primary: string[]; secondary: string[] }>,
  query: { readonly policyIds: readonly string[]; readonly includeUsers: boolean },
  now: Date,
  mode: FakePagerDutyMode = 'full',
): Record<string, unknown>[] {
  const start = new Date(now.getTime() - 3_600_000).toISOString();
  const end = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  const entries: Record<string, unknown>[] = [];
  for (const policyId of query.policyIds) {
    const onCall = policies.get(policyId);
    if (!onCall) continue;
    const policy = reference(
      mode,
      'escalation_policy',
      'escalation_policies',
      policyId,
      `Policy ${policyId}`,
    );
    [onCall.primary, onCall.secondary].forEach((names, index) => {
      const level = index + 1;
      const schedule = reference(mode, 'schedule', 'schedules', `PS${level}${policyId}`, `Level ${level}`);
      for (const name of names) {
        const user = userOf(mode, name, query.includeUsers);
        entries.push(
          mode === 'minimal'
            ? { user, escalation_policy: policy, escalation_level: level }
            : { user, schedule, escalation_policy: policy, escalation_level: level, start, end },
        );
      }
    });
  }
  return entries;
}
