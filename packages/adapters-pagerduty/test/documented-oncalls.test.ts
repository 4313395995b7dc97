import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../src/fake/index.ts';
import { PagerDutyOnCallAdapter, parseOnCallsPage, toOnCall } from '../src/index.ts';

/** A documented PagerDuty answer from test/fixtures/pagerduty (sources in SOURCES.md there). */
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/pagerduty/${name}.json`, import.meta.url), 'utf8'));

describe('parseOnCallsPage on the documented /oncalls answers', () => {
  it('the Response Example: policy, level and the user’s summary', () => {
    expect(parseOnCallsPage(fixture('oncalls.documented'))).toEqual({
      entries: [{ policyId: 'PT20YPA', level: 2, userId: 'PT23IWX', name: 'Tim Wright' }],
      more: false,
      offset: 0,
      limit: 25,
    });
  });

  it('a minimal entry (summary null, no schedule, start or end) names the user by id, no error', () => {
    expect(parseOnCallsPage(fixture('oncalls.minimal')).entries).toEqual([
      { policyId: 'PT20YPA', level: 2, userId: 'PT23IWX', name: 'PT23IWX' },
    ]);
  });

  it('an entry without an escalation_policy reference counts for the policy the query named', () => {
    const body = fixture('oncalls.minimal') as { oncalls: Record<string, unknown>[] };
    const entry = { ...body.oncalls[0] };
    delete entry.escalation_policy;
    const page = parseOnCallsPage({ ...body, oncalls: [entry] });
    expect(toOnCall(page.entries, 'PT20YPA')).toEqual({ primary: [], secondary: [{ name: 'PT23IWX' }] });
  });

  it('with include[]=users, the user object’s name', () => {
    expect(parseOnCallsPage(fixture('oncalls.include-users')).entries[0]?.name).toBe('Tim Wright');
  });

  it('a first page says more, the last does not', () => {
    const first = parseOnCallsPage(fixture('oncalls.page-1'));
    const last = parseOnCallsPage(fixture('oncalls.page-2'));
    expect([first.more, first.offset, first.entries.length]).toEqual([true, 0, 2]);
    expect([last.more, last.offset, last.entries.length]).toEqual([false, 2, 1]);
  });
});

describe('PagerDutyOnCallAdapter through pdjs on the documented pages', () => {
  let fake: FakePagerDuty;
  beforeEach(async () => {
    fake = await FakePagerDuty.start();
  });
  afterEach(() => fake.close());

  it('follows `more` to the last page and merges the levels', async () => {
    fake.answerNext('/oncalls', { body: fixture('oncalls.page-1') });
    fake.answerNext('/oncalls', { body: fixture('oncalls.page-2') });
    const adapter = new PagerDutyOnCallAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'token', apiToken: fake.apiToken },
    });
    expect(await adapter.whoIsOnCall('PT20YPA')).toEqual({
      primary: [{ name: 'Earline Greenholt' }],
      secondary: [{ name: 'Tim Wright' }, { name: 'Kyler Kuhn' }],
    });
    expect(fake.requests.map((r) => r.query.get('offset'))).toEqual(['0', '2']);
    expect(fake.requests[0]?.query.getAll('include[]')).toEqual(['users']);
  });
});
