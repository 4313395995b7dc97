import { closedLoop, LoadClient, type LoadResult, openLoop, round } from '../tests/bench-kit/load.ts';
import { cpuMs, cpuMsByName, rssMb, rssPeak } from '../tests/bench-kit/proc-stats.ts';
import { slackEventRequest } from '../tests/bench-kit/slack-event-load.ts';
import { TargetProcess } from '../tests/bench-kit/target-process.ts';
import { BotFixture } from '../tests/support/bot-fixture.ts';
import { freePort } from '../tests/support/free-port.ts';
import { FreshDatabase } from '../tests/support/fresh-database.ts';
import { SUPPORT_CHANNEL } from '../tests/support/test-env.ts';

// 1. Slack event intake: signed events acknowledged per second (closed loop, 32 connections) and
// latency at a steady 200 events/s (open loop), for the bot (verify + record + enqueue, durable),
// @slack/bolt's HTTP receiver (verify + ack, nothing durable), a bare fastify route, and the
// one-INSERT design of issue 18 (verify + one INSERT per event into its own fresh database, 200
// after the commit): the floor a durable intake can reach here, measured in the same run.
// 5. The bot's memory: RSS idle and the peak under this load.

const CONNECTIONS = 32;
const CLOSED_MS = 8_000;
const OPEN_RATE = 200;
const OPEN_MS = 10_000;

export interface IntakeTargetResult {
  readonly target: string;
  readonly closed: LoadResult;
  /** The target process's own CPU time (user + system) per event acknowledged in the closed loop. */
  readonly cpuMsPerEvent: number;
  /**
   * CPU time of every `postgres` process on the machine per event in the closed loop: the
   * database's share of the bot's durable accept (an upper bound: the server is shared).
   */
  readonly postgresCpuMsPerEvent: number;
  readonly at200: LoadResult;
}

export interface IntakeBenchResult {
  readonly targets: readonly IntakeTargetResult[];
  readonly memory: { readonly idleRssMb: number; readonly peakRssMb: number };
}

async function measure(
  target: string,
  origin: string,
  secret: string,
  pid: number,
): Promise<IntakeTargetResult> {
  const client = new LoadClient(origin, CONNECTIONS);
  const run = `${target.replace(/\W/g, '')}${Date.now()}`;
  try {
    await closedLoop(client, { concurrency: 8, durationMs: 1_000 }, (i) =>
      slackEventRequest(secret, SUPPORT_CHANNEL, `${run}w`, i),
    );
    const cpuBefore = cpuMs(pid);
    const postgresBefore = cpuMsByName('postgres');
    const closed = await closedLoop(client, { concurrency: CONNECTIONS, durationMs: CLOSED_MS }, (i) =>
      slackEventRequest(secret, SUPPORT_CHANNEL, `${run}c`, i),
    );
    const perEvent = (ms: number) => round(ms / Math.max(1, closed.ok), 3);
    const cpuMsPerEvent = perEvent(cpuMs(pid) - cpuBefore);
    const postgresCpuMsPerEvent = perEvent(cpuMsByName('postgres') - postgresBefore);
    const at200 = await openLoop(client, { perSecond: OPEN_RATE, durationMs: OPEN_MS }, (i) =>
      slackEventRequest(secret, SUPPORT_CHANNEL, `${run}o`, i),
    );
    return { target, closed, cpuMsPerEvent, postgresCpuMsPerEvent, at200 };
  } finally {
    client.close();
  }
}

/** Runs the intake benchmark on the four targets, one after the other. */
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
    targets.push(await measure('zenslackchat (durable)', bot.url, bot.secrets.signingSecret, pid));
    memory = { idleRssMb, peakRssMb: peak.stop() };
  } finally {
    await bot.close();
  }
  const secret = 'bench-signing-secret';
  const database = await FreshDatabase.create('zsc_bench_one_insert');
  try {
    for (const [target, script] of [
      ['@slack/bolt HTTPReceiver', 'bolt-target.ts'],
      ['bare fastify route', 'fastify-target.ts'],
      ['verify + one INSERT', 'one-insert-target.ts'],
    ] as const) {
      const port = await freePort();
      const env = { PORT: String(port), SLACK_SIGN_SECRET: secret, DATABASE_URL: database.url };
      const child = await TargetProcess.start(script, env);
      try {
        log(`intake: ${target}`);
        targets.push(await measure(target, `http://127.0.0.1:${port}`, secret, child.pid));
      } finally {
        await child.stop();
      }
    }
  } finally {
    await database.drop();
  }
  return { targets, memory };
}
