import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/** Timing summary of repeated runs, in milliseconds. */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
}

/** Runs `work` `warmup` times untimed, then `runs` times timed; returns median, p95 and min. */
export async function time(work: (i: number) => Promise<unknown>, runs = 25, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(samples[0] ?? 0) };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a Kysely query as the repo would run it; returns the plan lines. */
export async function explain(db: Kysely<never>, query: Compilable): Promise<string[]> {
  const compiled = query.compile();
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
  );
  return result.rows.map((row) => row['QUERY PLAN']);
}

/** Which indexes a plan uses (from its "Index ... using <name>" nodes). */
export function indexesUsed(plan: readonly string[]): string[] {
  const names = plan.flatMap((line) =>
    [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map(
      (m) => m[1]!,
    ),
  );
  return [...new Set(names)];
}

/** True when the plan reads the whole table. */
export function hasSeqScan(plan: readonly string[]): boolean {
  return plan.some((line) => /Seq Scan on issues/.test(line));
}
