import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { queueCounts } from '../support/job-queue-probe.ts';
import { deliverOnce, type SlackEventDelivery } from '../support/slack-deliveries.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';
import { type ExactOnceReport, exactOnceReport } from '../support/workload.ts';
import { round } from './load.ts';
import { rssMb } from './proc-stats.ts';

// 10. The soak (`pnpm bench -- --soak`): the whole bot (web + worker in one process, the fake
// vendors at 0 ms, as the end-to-end part runs it) under RATE signed Slack deliveries a second
// for ZSC_SOAK_SECONDS (default 600): one in five a new issue, the rest replies in threads opened
// at least REPLY_AFTER_MS earlier. Every SAMPLE_MS: the server's RSS (/proc/<pid>/status), its
// V8 heap and event-loop delay (loop-probe.ts, loaded with --import) and the job backlog. The
// verdict compares the last third of the samples with the middle third (memory by its peaks).
// Never asserted.

const RATE = 50;
const TOP_EVERY = 5;
const SAMPLE_MS = 10_000;
const REPLY_AFTER_MS = 3_000;
const RECENT_THREADS = 50;
/** Flat: peak RSS and heap grow less than this between the middle and the last third. */
const FLAT_MB_PER_MINUTE = 1;
/** How long the queue may take to drain after the load. */
const DRAIN_MS = 300_000;

export interface SoakSample {
  readonly t: number;
  readonly rssMb: number;
  readonly heapMb: number;
  readonly loopP50Ms: number;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
  readonly sent: number;
  readonly refused: number;
  readonly backlog: number;
}

export interface SoakResult {
  readonly measuredAt: string;
  readonly seconds: number;
  readonly perSecond: number;
  readonly newIssues: number;
  readonly replies: number;
  /** Deliveries answered, and those answered with anything but 200 (or not within Slack's 3 s). */
  readonly answered: number;
  readonly refused: number;
  /** 1-minute load average of the machine (all its cores) before and after the run. */
  readonly loadAverage: { readonly cpus: number; readonly before: number; readonly after: number };
  readonly samples: readonly SoakSample[];
  readonly verdict: {
    readonly flat: boolean;
    readonly rssMbPerMinute: number;
    readonly heapMbPerMinute: number;
    readonly loopP99MiddleMs: number;
    readonly loopP99LastMs: number;
    readonly backlogMiddle: number;
    readonly backlogLast: number;
    readonly text: string;
  };
  /** Seconds from the last delivery until the job queue was empty (null: not within DRAIN_MS). */
  readonly drainSeconds: number | null;
  /** From the fakes once drained (or when the drain gave up): every effect exactly once? */
  readonly outcome: ExactOnceReport;
}

const peak = (values: readonly number[]) => (values.length === 0 ? 0 : Math.max(...values));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Last third against middle third: growth per minute of peak RSS and heap, loop p99 and backlog. */
export function soakVerdict(samples: readonly SoakSample[]): SoakResult['verdict'] {
  const third = Math.floor(samples.length / 3);
  const middle = samples.slice(third, 2 * third);
  const last = samples.slice(2 * third);
  const minutes = (mean(last.map((s) => s.t)) - mean(middle.map((s) => s.t))) / 60;
  // Memory is judged by its peaks: a garbage-collected process saws up and down (and may hand
  // pages back to the system and grow again), so means move with where the teeth fall; a leak
  // raises every peak.
  const perMinute = (pick: (s: SoakSample) => number) =>
    round((peak(last.map(pick)) - peak(middle.map(pick))) / Math.max(minutes, 1 / 60), 2);
  const rssMbPerMinute = perMinute((s) => s.rssMb);
  const heapMbPerMinute = perMinute((s) => s.heapMb);
  const loopP99MiddleMs = round(median(middle.map((s) => s.loopP99Ms)), 2);
  const loopP99LastMs = round(median(last.map((s) => s.loopP99Ms)), 2);
  const backlogMiddle = round(mean(middle.map((s) => s.backlog)));
  const backlogLast = round(mean(last.map((s) => s.backlog)));
  const misses = [
    rssMbPerMinute > FLAT_MB_PER_MINUTE ? `RSS grows ${rssMbPerMinute} MB/min` : '',
    heapMbPerMinute > FLAT_MB_PER_MINUTE ? `heap grows ${heapMbPerMinute} MB/min` : '',
    loopP99LastMs > 2 * loopP99MiddleMs + 5 ? `loop p99 ${loopP99MiddleMs} → ${loopP99LastMs} ms` : '',
    backlogLast > backlogMiddle + RATE ? `backlog ${backlogMiddle} → ${backlogLast} jobs` : '',
  ].filter((miss) => miss !== '');
  const figures = `RSS ${rssMbPerMinute >= 0 ? '+' : ''}${rssMbPerMinute} MB/min, heap ${heapMbPerMinute >= 0 ? '+' : ''}${heapMbPerMinute} MB/min, loop p99 ${loopP99MiddleMs} → ${loopP99LastMs} ms, backlog ${backlogMiddle} → ${backlogLast}`;
  const flat = misses.length === 0 && middle.length > 0;
  return {
    flat,
    rssMbPerMinute,
    heapMbPerMinute,
    loopP99MiddleMs,
    loopP99LastMs,
    backlogMiddle,
    backlogLast,
    text: flat
      ? `flat at the end (${figures})`
      : `NOT flat at the end: ${misses.join('; ') || 'too few samples'} (${figures})`,
  };
}

/** Runs the soak for `seconds` (ZSC_SOAK_SECONDS, default 600) and returns its samples and verdict. */
export async function soakBench(log: (line: string) => void): Promise<SoakResult> {
  const seconds = Number(process.env.ZSC_SOAK_SECONDS ?? '600');
  if (!Number.isInteger(seconds) || seconds < 30 || seconds > 3_600) {
    throw new Error('ZSC_SOAK_SECONDS: a whole number of seconds from 30 to 3600');
  }
  const probeFile = join(tmpdir(), `zsc-soak-${randomBytes(4).toString('hex')}.jsonl`);
  const probe = new URL('./loop-probe.ts', import.meta.url);
  probe.search = new URLSearchParams({ out: probeFile, everyMs: String(SAMPLE_MS) }).toString();
  const before = loadavg()[0] ?? 0;
  // The scheduled sweep runs as in production, but at a large account's rate limit: at the default
  // 200 a minute its tenth paces a sweep over thousands of open issues for minutes, and the drain
  // below would measure that pacing instead of the bot.
  const bot = await BotFixture.start({
    name: 'bench_soak',
    nodeArgs: ['--import', probe.href],
    env: { ZENDESK_RATE_LIMIT_PER_MINUTE: '100000' },
  });
  const { slack } = bot.vendors;
  const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
  const tops: SlackEventDelivery[] = [];
  const replies: SlackEventDelivery[] = [];
  const opened: { ts: string; at: number }[] = [];
  const salt = randomBytes(3).toString('hex');
  const samples: SoakSample[] = [];
  let sent = 0;
  let refused = 0;
  let windowSent = 0;
  let windowRefused = 0;
  let running = true;
  const pid = bot.server.pid ?? 0;
  const started = performance.now();

  // One sample per probe line: the probe's window (loop delay, heap) with RSS and backlog now.
  const sampler = (async () => {
    let seen = 0;
    while (running) {
      await sleep(250);
      const lines = readFileSync(probeFile, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean);
      for (const line of lines.slice(seen)) {
        const window = JSON.parse(line) as Record<string, number>;
        const t = round((performance.now() - started) / 1000);
        if (t < SAMPLE_MS / 2000) continue; // a window that closed before the load began
        const backlog = (await queueCounts(bot.database)).pending;
        const sample: SoakSample = {
          t,
          rssMb: rssMb(pid),
          heapMb: Number(window.heapUsedMb),
          loopP50Ms: Number(window.loopP50Ms),
          loopP99Ms: Number(window.loopP99Ms),
          loopMaxMs: Number(window.loopMaxMs),
          sent: windowSent,
          refused: windowRefused,
          backlog,
        };
        windowSent = 0;
        windowRefused = 0;
        samples.push(sample);
        log(`soak: ${JSON.stringify(sample)}`);
      }
      seen = lines.length;
    }
  })();

  const make = (i: number, threadTs?: string): SlackEventDelivery => {
    const person = i % 2 === 0 ? ALICE : BOB;
    const text = `soak ${threadTs ? 'reply' : 'request'} ${i} ${salt} printer queue stuck`;
    const ts = slack.addMessage({
      channel: SUPPORT_CHANNEL,
      user: person.id,
      text,
      ...(threadTs ? { threadTs } : {}),
    });
    const event = {
      channel: SUPPORT_CHANNEL,
      user: person.id,
      text,
      ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    };
    return { eventId: `Evsoak${salt}${i}`, event };
  };

  log(
    `soak: ${seconds} s at ${RATE} events/s (1 in ${TOP_EVERY} a new issue), a sample every ${SAMPLE_MS / 1000} s`,
  );
  const inFlight = new Set<Promise<void>>();
  try {
    const total = seconds * RATE;
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const now = performance.now();
      const ready = opened.filter((thread) => thread.at <= now - REPLY_AFTER_MS).slice(-RECENT_THREADS);
      const thread = ready[i % Math.max(1, ready.length)];
      let delivery: SlackEventDelivery;
      if (i % TOP_EVERY === 0 || thread === undefined) {
        delivery = make(i);
        tops.push(delivery);
        opened.push({ ts: String(delivery.event.ts), at: now });
        if (opened.length > 4 * RECENT_THREADS) opened.splice(0, opened.length - 2 * RECENT_THREADS);
      } else {
        delivery = make(i, thread.ts);
        replies.push(delivery);
      }
      const send = deliverOnce(target, delivery).then((status) => {
        sent += 1;
        windowSent += 1;
        if (status !== 200) {
          refused += 1;
          windowRefused += 1;
        }
        inFlight.delete(send);
      });
      inFlight.add(send);
    }
    await Promise.all(inFlight);
    await sleep(Math.max(0, started + seconds * 1000 - performance.now()) + 500);
    running = false;
    await sampler;
    log('soak: load over, waiting for the queue to drain');
    const drainStarted = performance.now();
    const drained = await bot.settle(DRAIN_MS).then(
      () => true,
      () => false,
    );
    const drainSeconds = drained ? round((performance.now() - drainStarted) / 1000) : null;
    const outcome = exactOnceReport(bot, { tops, replies, texts: [] });
    const cpuCount = cpus().length;
    return {
      measuredAt: new Date().toISOString(),
      seconds,
      perSecond: RATE,
      newIssues: tops.length,
      replies: replies.length,
      answered: sent,
      refused,
      loadAverage: { cpus: cpuCount, before: round(before, 2), after: round(loadavg()[0] ?? 0, 2) },
      samples,
      verdict: soakVerdict(samples),
      drainSeconds,
      outcome,
    };
  } finally {
    running = false;
    await sampler.catch(() => {});
    await bot.close();
    rmSync(probeFile, { force: true });
  }
}
