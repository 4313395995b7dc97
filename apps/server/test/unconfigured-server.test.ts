import { IssueRepo } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { adminResolve } from '../src/http/admin-resolve.ts';
import { HOUSEKEEPING_CRON, HOUSEKEEPING_QUEUE } from '../src/jobs/housekeeping.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';

describe('a server with no configuration (embedded PGlite)', () => {
  const logs = logCapture();
  let server: ZenServer;

  beforeAll(async () => {
    server = await buildServer(loadConfig({ DATA_DIR: 'memory://' }), { logStream: logs.stream });
    await server.start();
  });
  afterAll(() => server?.stop());

  it('is up and ready: database reachable, migrated, job queue running', async () => {
    expect((await server.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await server.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', jobs: 'ok' } });
  });

  it('logs in ECS JSON which integrations are not configured and that workers stay idle', () => {
    const records = logs.records();
    expect(records.every((record) => typeof record['@timestamp'] === 'string')).toBe(true);
    const messages = records.map((record) => String(record.message));
    for (const name of ['slack', 'zendesk', 'pagerduty']) {
      expect(messages.some((message) => message.startsWith(`${name} is not configured`))).toBe(true);
    }
    expect(messages.some((message) => message.startsWith('job workers idle'))).toBe(true);
    expect(messages.some((message) => message.startsWith('WEBAPP_SECRET_KEY is unset'))).toBe(true);
  });

  it.each([
    ['POST', '/slack/events/', 'slack'],
    ['POST', '/slack/events', 'slack'],
    ['POST', '/zendesk/webhook/', 'zendesk'],
    ['POST', '/zendesk/email/webhook/', 'zendesk'],
    ['GET', '/pagerduty/oauth/', 'pagerduty'],
  ] as const)('answers %s %s with 503 and what is missing', async (method, url, integration) => {
    const response = await server.app.inject(
      method === 'POST' ? { method, url, payload: {} } : { method, url },
    );
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: 'not_configured', integration });
    expect(response.json().message).toContain('is not configured');
  });

  it('logs each request with its ECS method and path, without the query string', async () => {
    await server.app.inject({ url: '/pagerduty/oauth/?code=secret-code&state=s' });
    const incoming = logs.records().filter((r) => r.message === 'incoming request');
    expect(incoming.at(-1)).toMatchObject({ 'http.request.method': 'GET', 'url.path': '/pagerduty/oauth/' });
    expect(logs.text()).not.toContain('secret-code');
  });

  it('serves the admin front: pages need a login', async () => {
    const response = await server.app.inject({ url: '/' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/login/);
  });

  it('schedules the daily housekeeping even while the bot workers are idle', async () => {
    expect(await server.boss.getSchedules(HOUSEKEEPING_QUEUE)).toMatchObject([{ cron: HOUSEKEEPING_CRON }]);
  });

  it('resolves an issue for an admin directly while no bot can run the job', async () => {
    const repo = server.container.resolve<IssueRepo>(IssueRepo);
    const { issue } = await repo.claimTicket({
      platform: 'slack',
      channel: 'C0SUPPORT',
      ticketId: '4242',
      openedAt: new Date(),
    });
    await adminResolve(server.container, issue.id);
    expect((await repo.findById(issue.id))?.status).toBe('resolved');
    expect(await server.boss.findJobs('chat-message')).toEqual([]);
  });

  it('says not ready once stopped', async () => {
    await server.boss.stop({ graceful: true, close: false });
    const ready = await server.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.jobs).toBe('failing');
  });
});
