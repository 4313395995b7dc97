import { IntegrationError, type OnCall, type OnCallPerson } from '@zenslackchat/core';
import { PAGERDUTY } from './pagerduty-config.ts';

/** One `/oncalls` entry, reduced to what the bot reads. */
export interface OnCallEntry {
  /** Absent when PagerDuty leaves the reference out: the query asked for one policy only. */
  readonly policyId: string | undefined;
  readonly level: number;
  readonly userId: string;
  readonly name: string;
}

/** One page of `GET /oncalls`, validated. */
export interface OnCallsPage {
  readonly entries: readonly OnCallEntry[];
  readonly more: boolean;
  readonly offset: number;
  readonly limit: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(detail: string): IntegrationError {
  return new IntegrationError('Invalid', `PagerDuty /oncalls answered an unexpected shape: ${detail}`, {
    integration: PAGERDUTY,
    retryable: false,
  });
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Reads one on-call entry: only the policy id, `escalation_level` and the user's id and name. */
function parseEntry(raw: unknown, index: number): OnCallEntry {
  if (!isObject(raw)) throw invalid(`oncalls[${index}] is not an object`);
  const policy = raw.escalation_policy;
  const user = raw.user;
  const level = raw.escalation_level;
  if (policy !== undefined && policy !== null && (!isObject(policy) || typeof policy.id !== 'string'))
    throw invalid(`oncalls[${index}].escalation_policy`);
  if (typeof level !== 'number' || !Number.isInteger(level))
    throw invalid(`oncalls[${index}].escalation_level`);
  if (!isObject(user) || typeof user.id !== 'string') throw invalid(`oncalls[${index}].user`);
  // `name` when the user object is included, else the reference's `summary` (nullable), else the id.
  const name = text(user.name) ?? text(user.summary) ?? user.id;
  return { policyId: isObject(policy) ? String(policy.id) : undefined, level, userId: user.id, name };
}

/** Validates a `/oncalls` response body; throws `IntegrationError('Invalid')` on a wrong shape. */
export function parseOnCallsPage(body: unknown): OnCallsPage {
  if (!isObject(body) || !Array.isArray(body.oncalls)) throw invalid('no oncalls array');
  const entries = body.oncalls.map(parseEntry);
  const more = body.more === true;
  const offset = typeof body.offset === 'number' ? body.offset : 0;
  const limit = typeof body.limit === 'number' ? body.limit : entries.length;
  return { entries, more, offset, limit };
}

function peopleAt(entries: readonly OnCallEntry[], level: number): OnCallPerson[] {
  const seen = new Set<string>();
  const people: OnCallPerson[] = [];
  for (const entry of entries) {
    if (entry.level !== level || seen.has(entry.name)) continue;
    seen.add(entry.name);
    people.push({ name: entry.name });
  }
  return people;
}

/** Level 1 → primary, level 2 → secondary, names deduplicated in PagerDuty's order. */
export function toOnCall(entries: readonly OnCallEntry[], policyId: string): OnCall {
  const ours = entries.filter((entry) => entry.policyId === undefined || entry.policyId === policyId);
  return { primary: peopleAt(ours, 1), secondary: peopleAt(ours, 2) };
}
