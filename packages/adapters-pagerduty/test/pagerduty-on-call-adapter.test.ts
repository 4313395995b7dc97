import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '@zenslackchat/adapters-memory';
import type { LogFields } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../src/fake/index.ts';
import { PagerDutyOnCallAdapter, type PagerDutyOnCallOptions } from '../src/index.ts';

let fake: FakePagerDuty;
beforeEach(async () => {
  fake = await FakePagerDuty.start();
});
afterEach(() => fake.close());

const adapter = (options: Partial<PagerDutyOnCallOptions> = {}) =>
  new PagerDutyOnCallAdapter({
    apiUrl: fake.apiUrl,
    auth: { kind: 'token', apiToken: fake.apiToken },
    timeoutMs: 500,
    ...options,
  });
const names = (people: readonly { name: string }[]) => people.map((p) => p.name);

describe('PagerDutyOnCallAdapter: answers', () => {
  it('asks /oncalls for the policy, earliest per level, with the API token', async () => {
    fake.setOnCall('PPOL1', { primary: ['Ann Ames'], secondary: ['Bob Byrd'] });
    const onCall = await adapter().whoIsOnCall('PPOL1');
    expect(names(onCall.primary)).toEqual(['Ann Ames']);
    expect(names(onCall.secondary)).toEqual(['Bob Byrd']);
    const [request] = fake.requests;
    expect(request?.path).toBe('/oncalls');
    expect(request?.query.getAll('escalation_policy_ids[]')).toEqual(['PPOL1']);
    expect(request?.query.get('earliest')).toBe('true');
    expect(request?.authorization).toBe(`Token token=${fake.apiToken}`);
    expect(request?.accept).toBe('application/vnd.pagerduty+json;version=2');
  });

  it('gives several people per level in order, none for an empty level, and drops duplicates', async () => {
    fake.setOnCall('PPOL1', { primary: ['Ann', 'Cy', 'Ann', 'Di'], secondary: [] });
    const onCall = await adapter().whoIsOnCall('PPOL1');
    expect(names(onCall.primary)).toEqual(['Ann', 'Cy', 'Di']);
    expect(onCall.secondary).toEqual([]);
  });

  it('gives nobody for a known policy with nobody on call, after checking the policy exists', async () => {
    fake.setOnCall('PEMPTY', { primary: [], secondary: [] });
    expect(await adapter().whoIsOnCall('PEMPTY')).toEqual({ primary: [], secondary: [] });
    expect(fake.requests.map((r) => r.path)).toEqual(['/oncalls', '/escalation_policies/PEMPTY']);
  });

  it('rejects an unknown policy as NotFound', async () => {
    await expect(adapter().whoIsOnCall('PNOSUCH')).rejects.toMatchObject({
      reason: 'NotFound',
      retryable: false,
    });
  });

  it('follows pagination until PagerDuty says there is no more', async () => {
    fake.setOnCall('PPOL1', { primary: ['A', 'B', 'C'], secondary: ['D', 'E'] });
    const onCall = await adapter({ pageSize: 2 }).whoIsOnCall('PPOL1');
    expect(names(onCall.primary)).toEqual(['A', 'B', 'C']);
    expect(names(onCall.secondary)).toEqual(['D', 'E']);
    expect(fake.requests.map((r) => r.query.get('offset'))).toEqual(['0', '2', '4']);
  });

  it('sends an OAuth token as Bearer, fetched from the getter on each look-up', async () => {
    let calls = 0;
    const port = adapter({ auth: { kind: 'oauth', accessToken: async () => `tok-${++calls}` } });
    await expect(port.whoIsOnCall('PPOL1')).rejects.toMatchObject({ reason: 'Unauthorized' });
    expect(fake.requests[0]?.authorization).toBe('Bearer tok-1');
  });
});

describe('PagerDutyOnCallAdapter: failures', () => {
  it('maps 401 to Unauthorized, not retryable', async () => {
    fake.failNext('unauthorized');
    await expect(adapter().whoIsOnCall('PPOL1')).rejects.toMatchObject({
      name: 'IntegrationError',
      reason: 'Unauthorized',
      retryable: false,
      integration: 'pagerduty',
    });
  });

  it('fails a 429 at once with Retry-After, without pdjs re-sending it', async () => {
    fake.failNext('rate-limited', { retryAfterMs: 7000, count: 5 });
    await expect(adapter({ timeoutMs: 1500 }).whoIsOnCall('PPOL1')).rejects.toMatchObject({
      reason: 'RateLimited',
      retryAfterMs: 7000,
      retryable: true,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('maps 5xx to Unavailable, retryable', async () => {
    fake.failNext('unavailable');
    await expect(adapter().whoIsOnCall('PPOL1')).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
  });

  it('gives up on a slow answer at its own deadline with Unavailable', async () => {
    fake.failNext('timeout', { delayMs: 10_000 });
    await expect(adapter({ timeoutMs: 150 }).whoIsOnCall('PPOL1')).rejects.toMatchObject({
      reason: 'Unavailable',
      message: expect.stringContaining('timed out after 150 ms'),
    });
  });

  it('times out on a uniformly slow PagerDuty, and answers once it is fast again', async () => {
    fake.setOnCall('PPOL1', { primary: ['Ann'], secondary: [] });
    fake.setLatency(5_000);
    const port = adapter({ timeoutMs: 100, cacheTtlMs: 0 });
    await expect(port.whoIsOnCall('PPOL1')).rejects.toMatchObject({ reason: 'Unavailable' });
    fake.setLatency(0);
    expect(names((await port.whoIsOnCall('PPOL1')).primary)).toEqual(['Ann']);
  });

  it('maps a refused connection to Unavailable', async () => {
    const port = adapter();
    await fake.close();
    await expect(port.whoIsOnCall('PPOL1')).rejects.toMatchObject({ reason: 'Unavailable' });
    fake = await FakePagerDuty.start();
  });

  it('refuses an answer of the wrong shape with Invalid', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ oncalls: [{ escalation_level: 'one' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const odd = adapter({ apiUrl: `http://127.0.0.1:${port}` });
      await expect(odd.whoIsOnCall('PPOL1')).rejects.toMatchObject({ reason: 'Invalid' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('logs the failure once, at debug, without the token', async () => {
    const lines: [string, LogFields][] = [];
    const at = (level: string) => (fields: LogFields) => void lines.push([level, fields]);
    fake.failNext('unauthorized');
    const port = adapter({
      logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    });
    await expect(port.whoIsOnCall('PPOL1')).rejects.toThrow();
    expect(lines).toEqual([
      ['debug', expect.objectContaining({ integration: 'pagerduty', reason: 'Unauthorized' })],
    ]);
    expect(JSON.stringify(lines)).not.toContain(fake.apiToken);
  });
});

describe('PagerDutyOnCallAdapter: cache', () => {
  it('asks once inside the TTL and again after it', async () => {
    const clock = new ManualClock(new Date('2026-11-27T10:00:00Z'));
    fake.setOnCall('PPOL1', { primary: ['Ann'], secondary: [] });
    const port = adapter({ clock, cacheTtlMs: 60_000 });
    await port.whoIsOnCall('PPOL1');
    clock.advance(59_000);
    fake.setOnCall('PPOL1', { primary: ['Bob'], secondary: [] });
    expect(names((await port.whoIsOnCall('PPOL1')).primary)).toEqual(['Ann']);
    expect(fake.requests).toHaveLength(1);
    clock.advance(1_000);
    expect(names((await port.whoIsOnCall('PPOL1')).primary)).toEqual(['Bob']);
    expect(fake.requests).toHaveLength(2);
  });

  it('does not cache failures, and keeps policies apart', async () => {
    const port = adapter({ clock: new ManualClock(new Date('2026-11-27T10:00:00Z')), cacheTtlMs: 60_000 });
    fake.setOnCall('PA', { primary: ['Ann'], secondary: [] });
    fake.setOnCall('PB', { primary: ['Bob'], secondary: [] });
    fake.failNext('unavailable');
    await expect(port.whoIsOnCall('PA')).rejects.toMatchObject({ reason: 'Unavailable' });
    expect(names((await port.whoIsOnCall('PA')).primary)).toEqual(['Ann']);
    expect(names((await port.whoIsOnCall('PB')).primary)).toEqual(['Bob']);
    expect(fake.requests).toHaveLength(3);
  });

  it('shares one request between concurrent look-ups of a policy', async () => {
    fake.setOnCall('PPOL1', { primary: ['Ann'], secondary: [] });
    const port = adapter({ cacheTtlMs: 0 });
    const [a, b] = await Promise.all([port.whoIsOnCall('PPOL1'), port.whoIsOnCall('PPOL1')]);
    expect(a).toEqual(b);
    expect(fake.requests).toHaveLength(1);
  });
});
