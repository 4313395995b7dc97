import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL, databaseEnv, type Fakes, startFakes, startServer } from './support/e2e-harness.ts';

// Generous: the machine is shared and pg-boss polls; these bound a wait, they assert no speed.
const WAIT = { timeout: 60_000, interval: 100 } as const;

describe('web and worker roles on one shared Postgres', { timeout: 120_000 }, () => {
  let fakes: Fakes;
  let web: Awaited<ReturnType<typeof startServer>>;
  let worker: Awaited<ReturnType<typeof startServer>> | undefined;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const database = await databaseEnv('postgres', 'zsc_roles');
    dropDatabase = database.drop;
    fakes = await startFakes(database.env);
    web = await startServer(fakes.env, 'web');
    fakes.slack.connectApp({
      requestUrl: `${web.url}/slack/events/`,
      signingSecret: fakes.env.SLACK_SIGN_SECRET!,
    });
  });
  afterAll(async () => {
    await worker?.server.stop();
    await web?.server.stop();
    await fakes?.close();
    await dropDatabase?.();
  });

  it('the web role accepts and queues an event but runs no job', async () => {
    const { delivery } = await fakes.slack.postAsUser({
      channel: CHANNEL,
      user: 'U0ALICE',
      text: 'Disk full',
    });
    expect(delivery.status).toBe(200);
    const jobs = await web.server.boss.findJobs('chat-message');
    expect(jobs.map((job) => job.state)).toEqual(['created']);
    expect(fakes.zendesk.tickets).toHaveLength(0);
    expect(web.logs.text()).not.toContain('job workers started');
  });

  it('a worker-role process picks the job up; it serves health but no vendor endpoints', async () => {
    worker = await startServer(fakes.env, 'worker');
    await vi.waitFor(() => expect(fakes.zendesk.tickets).toHaveLength(1), WAIT);
    await vi.waitFor(
      () => expect(fakes.slack.messages.filter((m) => m.botId !== undefined)).toHaveLength(2),
      WAIT,
    );
    expect((await worker.server.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect(
      (await worker.server.app.inject({ method: 'POST', url: '/slack/events/', payload: {} })).statusCode,
    ).toBe(404);
  });

  it('a stopping worker finishes the job it is running before it closes', async () => {
    fakes.zendesk.setLatency(1500);
    await fakes.slack.postAsUser({ channel: CHANNEL, user: 'U0ALICE', text: 'Monitor flickers' });
    const active = async () =>
      (await web.server.boss.findJobs('chat-message')).some((job) => job.state === 'active');
    await vi.waitFor(async () => expect(await active()).toBe(true), WAIT);
    await worker!.server.stop();
    fakes.zendesk.setLatency(0);
    expect(fakes.zendesk.tickets.map((t) => t.subject)).toContain('Monitor flickers');
    const states = (await web.server.boss.findJobs('chat-message')).map((job) => job.state);
    expect(states.every((state) => state === 'completed')).toBe(true);
  });
});
