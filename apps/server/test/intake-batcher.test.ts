import { describe, expect, it } from 'vitest';
import { IntakeBatcher, IntakeClosedError } from '../src/jobs/intake-batcher.ts';
import { orderedJobIds } from '../src/jobs/ordered-job-id.ts';

/** A commit that records each batch and answers `r:<item>`, finishing only when released. */
function recordingCommit() {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  let running = 0;
  let overlapped = false;
  const commit = async (items: readonly string[]) => {
    batches.push([...items]);
    running += 1;
    if (running > 1) overlapped = true;
    await new Promise<void>((resolve) => releases.push(resolve));
    running -= 1;
    if (items.includes('boom')) throw new Error('database down');
    return items.map((item) => `r:${item}`);
  };
  /** Lets every commit finish until `done` has settled. */
  const releaseAll = async (done: Promise<unknown>) => {
    let settled = false;
    void done.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  return { commit, batches, releaseAll, overlapped: () => overlapped };
}

describe('IntakeBatcher', () => {
  it('commits concurrent submits as one batch and answers each caller its own result', async () => {
    const { commit, batches, releaseAll } = recordingCommit();
    const batcher = new IntakeBatcher(commit, { maxBatch: 10, maxWaitMs: 5, maxInFlight: 2 });
    const answers = Promise.all(['a', 'b', 'c'].map((item) => batcher.submit(item)));
    await releaseAll(answers);
    expect(await answers).toEqual(['r:a', 'r:b', 'r:c']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('splits at maxBatch and, items sharing one key, commits one batch at a time in arrival order', async () => {
    const { commit, batches, releaseAll, overlapped } = recordingCommit();
    const batcher = new IntakeBatcher(commit, { maxBatch: 2, maxWaitMs: 50, maxInFlight: 2 });
    const items = ['1', '2', '3', '4', '5'];
    const answers = Promise.all(items.map((item) => batcher.submit(item)));
    await releaseAll(answers);
    expect(await answers).toEqual(items.map((item) => `r:${item}`));
    expect(batches).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(overlapped()).toBe(false);
  });

  it('collects what arrives during a commit into the next batch', async () => {
    const { commit, batches, releaseAll } = recordingCommit();
    const batcher = new IntakeBatcher(commit, { maxBatch: 100, maxWaitMs: 0, maxInFlight: 2 });
    const first = batcher.submit('first');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([['first']]);
    const later = Promise.all(['x', 'y'].map((item) => batcher.submit(item)));
    await releaseAll(Promise.all([first, later]));
    expect(await first).toBe('r:first');
    expect(await later).toEqual(['r:x', 'r:y']);
    expect(batches).toEqual([['first'], ['x', 'y']]);
  });

  it('rejects every caller of a failing batch and none of the next', async () => {
    const { commit, releaseAll } = recordingCommit();
    const batcher = new IntakeBatcher(commit, { maxBatch: 2, maxWaitMs: 0, maxInFlight: 2 });
    const failed = [batcher.submit('ok'), batcher.submit('boom')].map((p) =>
      p.then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    const next = batcher.submit('after');
    await releaseAll(Promise.all([...failed, next]));
    expect(await Promise.all(failed)).toEqual(['database down', 'database down']);
    expect(await next).toBe('r:after');
  });

  it('close commits what is queued before resolving, then refuses new items', async () => {
    const { commit, batches, releaseAll } = recordingCommit();
    const batcher = new IntakeBatcher(commit, { maxBatch: 100, maxWaitMs: 60_000, maxInFlight: 2 });
    const queued = batcher.submit('queued');
    const closed = batcher.close();
    await releaseAll(closed);
    await closed;
    expect(await queued).toBe('r:queued');
    expect(batches).toEqual([['queued']]);
    await expect(batcher.submit('late')).rejects.toBeInstanceOf(IntakeClosedError);
  });

  it('commits batches of other keys alongside, while an item of a running key waits its turn', async () => {
    const { commit, batches, releaseAll, overlapped } = recordingCommit();
    const keyOf = (item: string) => item.slice(0, 1);
    const batcher = new IntakeBatcher(commit, { maxBatch: 100, maxWaitMs: 0, maxInFlight: 2 }, keyOf);
    const first = batcher.submit('a1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = Promise.all(['a2', 'b1', 'a3', 'b2'].map((item) => batcher.submit(item)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    // 'a1' is still committing: the b's go alongside it, the a's wait for it.
    expect(batches).toEqual([['a1'], ['b1', 'b2']]);
    await releaseAll(Promise.all([first, later]));
    expect(await later).toEqual(['r:a2', 'r:b1', 'r:a3', 'r:b2']);
    expect(batches).toEqual([['a1'], ['b1', 'b2'], ['a2', 'a3']]);
    expect(overlapped()).toBe(true);
  });

  it('refuses nonsense settings', () => {
    expect(() => new IntakeBatcher(async () => [], { maxBatch: 0, maxWaitMs: 1, maxInFlight: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('orderedJobIds', () => {
  it('makes version 7 uuids that sort as Postgres compares them, in the order made', () => {
    let now = 1_700_000_000_000;
    const next = orderedJobIds(() => now);
    const ids: string[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      if (i % 500 === 0) now += 1;
      // The clock going back must not break the order either.
      if (i === 1_200) now -= 5;
      ids.push(next());
    }
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
