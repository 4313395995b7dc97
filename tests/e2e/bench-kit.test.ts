import { signSlackRequest } from '@zenslackchat/adapters-slack/fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadClient } from '../bench-kit/load.ts';
import { slackEventRequest } from '../bench-kit/slack-event-load.ts';
import { type SoakSample, soakVerdict } from '../bench-kit/soak.ts';
import { TargetProcess } from '../bench-kit/target-process.ts';
import { freePort } from '../support/free-port.ts';
import { FreshDatabase } from '../support/fresh-database.ts';

// The benchmark's own tools (never timings): the one-INSERT intake target does what its figures
// claim, and the soak's verdict reads growth from the samples.

const SECRET = 'bench-kit-test-secret';

describe('the one-INSERT intake target', () => {
  let database: FreshDatabase;
  let target: TargetProcess;
  let client: LoadClient;

  beforeAll(async () => {
    database = await FreshDatabase.create('zsc_bench_kit');
    const port = await freePort();
    target = await TargetProcess.start('one-insert-target.ts', {
      PORT: String(port),
      SLACK_SIGN_SECRET: SECRET,
      DATABASE_URL: database.url,
    });
    client = new LoadClient(`http://127.0.0.1:${port}`, 2);
  });

  afterAll(async () => {
    client?.close();
    await target?.stop();
    await database?.drop();
  });

  const rows = async (eventId: string) =>
    (
      await database.query<{ n: string }>('select count(*) as n from one_insert_events where event_id = $1', [
        eventId,
      ])
    )[0]?.n;

  it('answers 200 with the event in its table, and records a redelivery once', async () => {
    const request = slackEventRequest(SECRET, 'C0BENCH', 'kit', 1);
    expect((await client.send(request)).status).toBe(200);
    expect(await rows('Evkit1')).toBe('1');
    expect((await client.send(request)).status).toBe(200);
    expect(await rows('Evkit1')).toBe('1');
  });

  it('refuses a wrong or stale signature, and a signed body that is not an event', async () => {
    const wrong = slackEventRequest('another-secret', 'C0BENCH', 'kit', 2);
    expect((await client.send(wrong)).status).toBe(401);
    const body = JSON.stringify({ type: 'event_callback', event_id: 'Evkit3', event: {} });
    const stale = signSlackRequest(body, SECRET, Math.floor(Date.now() / 1000) - 301);
    const headers = { 'content-type': 'application/json' };
    expect(
      (await client.send({ path: '/slack/events/', headers: { ...headers, ...stale }, body })).status,
    ).toBe(401);
    const notEvent = JSON.stringify({ type: 'event_callback' });
    const signed = signSlackRequest(notEvent, SECRET, Math.floor(Date.now() / 1000));
    expect(
      (await client.send({ path: '/slack/events/', headers: { ...headers, ...signed }, body: notEvent }))
        .status,
    ).toBe(400);
    expect(await rows('Evkit2')).toBe('0');
    expect(await rows('Evkit3')).toBe('0');
  });
});

describe('the soak verdict', () => {
  const series = (count: number, at: (i: number) => Partial<SoakSample>): SoakSample[] =>
    Array.from({ length: count }, (_, i) => ({
      t: (i + 1) * 10,
      rssMb: 200,
      heapMb: 80,
      loopP50Ms: 1,
      loopP99Ms: 10,
      loopMaxMs: 30,
      sent: 500,
      refused: 0,
      backlog: 5,
      ...at(i),
    }));

  it('is flat when the last third holds what the middle third held, whatever the start did', () => {
    const verdict = soakVerdict(series(60, (i) => ({ rssMb: i < 20 ? 100 + 5 * i : 200 + (i % 2) })));
    expect(verdict.flat).toBe(true);
    expect(verdict.text).toMatch(/^flat at the end/);
  });

  it('reads a sawtooth (memory handed back, then grown again to the same peak) as flat', () => {
    const sawtooth = soakVerdict(
      series(60, (i) => ({ rssMb: i < 30 ? 460 : i < 32 ? 270 : Math.min(460, 270 + 10 * (i - 32)) })),
    );
    expect(sawtooth.flat).toBe(true);
    expect(sawtooth.rssMbPerMinute).toBeLessThanOrEqual(0);
  });

  it('is not flat when RSS keeps growing, or the backlog does', () => {
    const leaking = soakVerdict(series(60, (i) => ({ rssMb: 200 + 0.5 * i })));
    expect(leaking.flat).toBe(false);
    expect(leaking.rssMbPerMinute).toBe(3);
    expect(leaking.text).toMatch(/RSS grows 3 MB\/min/);
    const behind = soakVerdict(series(60, (i) => ({ backlog: 40 * i })));
    expect(behind.flat).toBe(false);
    expect(behind.text).toMatch(/backlog/);
  });
});
