import { closedLoop, LoadClient, type LoadResult, openLoop } from '../tests/bench-kit/load.ts';
import { rssMb, rssPeak } from '../tests/bench-kit/proc-stats.ts';
import { slackEventRequest } from '../tests/bench-kit/slack-event-load.ts';
import { TargetProcess } from '../tests/bench-kit/target-process.ts';
import { BotFixture } from '../tests/support/bot-fixture.ts';
import { freePort } from '../tests/support/free-port.ts';
import { SUPPORT_CHANNEL } from '../tests/support/test-env.ts';

// 1. Slack event intake: signed events acknowledged per second (closed loop, 32 connections) and
// latency at a steady 200 events/s (open loop), for the bot (verify + record + enqueue, durable),
// @slack/bolt's HTTP receiver (verify + ack, nothing durable) and a bare fastify route.
// 5. The bot's memory: RSS idle and the peak under this load.

const CONNECTIONS = 32;
const CLOSED_MS = 8_000;
const OPEN_RATE = 200;
const OPEN_MS = 10_000;

export interface IntakeTargetResult {
  readonly target: string;
  readonly closed: LoadResult;
  readonly at200: LoadResult;
}

export interface IntakeBenchResult {
  readonly targets: readonly IntakeTargetResult[];
  readonly memory: { readonly idleRssMb: number; readonly peakRssMb: number };
}

async function measure(target: string, origin: string, secret: string): Promise<IntakeTargetResult> {
  const client = new LoadClient(origin, CONNECTIONS);
  const run = `${target.replace(/\W/g, '')}${Date.now()}`;
  try {
    await closedLoop(client, { concurrency: 8, durationMs: 1_000 }, (i) =>
      slackEventRequest(secret, SUPPORT_CHANNEL, `${run}w`, i),
    );
    const closed = await closedLoop(client, { concurrency: CONNECTIONS, durationMs: CLOSED_MS }, (i) =>
      slackEventRequest(secret, SUPPORT_CHANNEL, `${run}c`, i),
    );
    const at200 = await openLoop(client, { perSecond: OPEN_RATE, durationMs: OPEN_MS }, (i) =>
      slackEventRequest(secret, SUPPORT_CHANNEL, `${run}o`, i),
    );
    return { target, closed, at200 };
  } finally {
    client.close();
  }
}

/** Runs the intake benchmark on the three targets, one after the other. */
export async function intakeBench(log: (line: string) => void): Promise<IntakeBenchResult> {
  const bot = await BotFixture.start({ name: 'bench_intake', args: ['--role', 'web'] });
  const targets: IntakeTargetResult[] = [];
  let memory = { idleRssMb: 0, peakRssMb: 0 };
  try {
    const pid = bot.server.pid ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idleRssMb = rssMb(pid);
    const peak = rssPeak(pid);
    log('intake: the bot (web role: verify, record, enqueue)');
    targets.push(await measure('zenslackchat (durable)', bot.url, bot.secrets.signingSecret));
    memory = { idleRssMb, peakRssMb: peak.stop() };
  } finally {
    await bot.close();
  }
  const secret = 'bench-signing-secret';
  for (const [target, script] of [
    ['@slack/bolt HTTPReceiver', 'bolt-target.ts'],
    ['bare fastify route', 'fastify-target.ts'],
  ] as const) {
    const port = await freePort();
    const process = await TargetProcess.start(script, { PORT: String(port), SLACK_SIGN_SECRET: secret });
    try {
      log(`intake: ${target}`);
      targets.push(await measure(target, `http://127.0.0.1:${port}`, secret));
    } finally {
      await process.stop();
    }
  }
  return { targets, memory };
}
