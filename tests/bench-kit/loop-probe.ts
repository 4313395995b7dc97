import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

// Loaded into the server process with `node --import <this file>?out=<file>&everyMs=<ms>` by the
// soak (never by the server itself, like count-statements.ts): every `everyMs` it appends one JSON
// line to `out` with the event-loop delay of that window (p50, p99, max, in ms, beyond the 10 ms
// sampling timer itself) and the V8 heap in use, then starts a new window.
// https://nodejs.org/api/perf_hooks.html#perf_hooksmonitoreventloopdelayoptions

const RESOLUTION_MS = 10;
const params = new URL(import.meta.url).searchParams;
const out = params.get('out');
const everyMs = Number(params.get('everyMs') ?? '10000');
if (out === null || !Number.isInteger(everyMs) || everyMs < 100) {
  throw new Error('loop-probe: import it as loop-probe.ts?out=<file>&everyMs=<integer >= 100>');
}

const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
// The histogram holds the time between the timer's ticks; the delay is what exceeds the interval.
const delayMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
setInterval(() => {
  const line = {
    at: Date.now(),
    loopP50Ms: delayMs(histogram.percentile(50)),
    loopP99Ms: delayMs(histogram.percentile(99)),
    loopMaxMs: delayMs(histogram.max),
    heapUsedMb: Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10,
  };
  histogram.reset();
  appendFileSync(out, `${JSON.stringify(line)}\n`);
}, everyMs).unref();
