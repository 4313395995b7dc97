import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closedLoop, LoadClient } from '../tests/bench-kit/load.ts';
import { slackEventRequest } from '../tests/bench-kit/slack-event-load.ts';
import { BotFixture } from '../tests/support/bot-fixture.ts';
import { concurrently } from '../tests/support/concurrently.ts';
import { deliverOnce } from '../tests/support/slack-deliveries.ts';
import { SUPPORT_CHANNEL } from '../tests/support/test-env.ts';
import { buildWorkload } from '../tests/support/workload.ts';

// `node --conditions=@zenslackchat/source bench/profile-bench.ts [intake|pipeline] [dir]`: runs the
// bot under `--cpu-prof` through the intake load (web role) or 300 issues end to end, then prints
// where its CPU went: self time grouped by package (or by our source file).

const mode = process.argv[2] === 'pipeline' ? 'pipeline' : 'intake';
const dir = process.argv[3] ?? `/tmp/zsc-prof-${mode}-${Date.now()}`;
await mkdir(dir, { recursive: true });
const bot = await BotFixture.start({
  name: `prof_${mode}`,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  ...(mode === 'intake' ? { args: ['--role', 'web'] } : {}),
});
try {
  if (mode === 'intake') {
    const client = new LoadClient(bot.url, 32);
    const result = await closedLoop(client, { concurrency: 32, durationMs: 8_000 }, (i) =>
      slackEventRequest(bot.secrets.signingSecret, SUPPORT_CHANNEL, `prof${Date.now()}`, i),
    );
    client.close();
    console.log(`intake: ${result.perSecond} events/s`);
  } else {
    const workload = buildWorkload(bot, 'prof', 300, 0);
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    await concurrently(workload.tops, 16, (d) => deliverOnce(target, d));
    await bot.settle(120_000);
  }
} finally {
  await bot.close();
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
if (file === undefined) throw new Error(`no profile in ${dir}`);
const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as { nodes: Node[]; samples: number[] };
const hits = new Map<number, number>();
for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
const byGroup = new Map<string, number>();
for (const node of profile.nodes) {
  const { url, functionName } = node.callFrame;
  const pkg = /node_modules\/\.pnpm\/([^/]+)\//.exec(url)?.[1]?.replace(/@[\d.]+(_.*)?$/, '');
  const ours = /\/work\/main\/(?:packages|apps)\/([^/]+)\//.exec(url)?.[1];
  const group =
    pkg ??
    (ours
      ? `ours:${ours}`
      : url === ''
        ? `(${functionName || 'native'})`
        : url.startsWith('node:')
          ? 'node core'
          : url);
  byGroup.set(group, (byGroup.get(group) ?? 0) + (hits.get(node.id) ?? 0));
}
const total = profile.samples.length;
const rows = [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 20);
console.table(rows.map(([group, n]) => ({ group, share: `${((100 * n) / total).toFixed(1)}%` })));
console.log(`profile: ${join(dir, file)} (${total} samples)`);
