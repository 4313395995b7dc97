import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../tests/support/free-port.ts';

// Cold start: what the README's two commands cost a new user. A fresh clone of this repository's
// HEAD, `pnpm install --frozen-lockfile` (packages from the local store), then `pnpm start` with no
// configuration on a fresh embedded database until /healthz answers 200. Printed, never asserted.

const GIVE_UP_MS = 180_000;

/** The cold-start figures. */
export interface ColdStart {
  readonly node: string;
  readonly installMs: number;
  readonly startToHealthyMs: number;
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`no answer from ${url} after ${GIVE_UP_MS} ms`);
}

/** Clones `root` into a temporary directory, installs, starts, and times each step. */
export async function coldStartBench(root: string, log: (line: string) => void): Promise<ColdStart> {
  const dir = await mkdtemp(join(tmpdir(), 'zsc-cold-'));
  const clone = join(dir, 'clone');
  try {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone], { stdio: 'inherit' });
    const t0 = performance.now();
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], {
      cwd: clone,
      stdio: 'inherit',
    });
    const installMs = Math.round(performance.now() - t0);
    const port = await freePort();
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1' };
    const t1 = performance.now();
    const child = spawn('pnpm', ['start'], { cwd: clone, env, stdio: 'ignore', detached: true });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let startToHealthyMs: number;
    try {
      await healthy(`http://127.0.0.1:${port}/healthz`, child);
      startToHealthyMs = Math.round(performance.now() - t1);
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    log(
      `cold start on Node ${process.version}: install ${installMs} ms, pnpm start → healthy ${startToHealthyMs} ms`,
    );
    return { node: process.version, installMs, startToHealthyMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
