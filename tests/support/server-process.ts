import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { REPO_ROOT, SERVER_MAIN } from './paths.ts';
import { waitFor } from './wait-for.ts';

/** One line the server wrote, and on which stream. */
export interface LogLine {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** Options of `ServerProcess.start`. */
export interface ServerProcessOptions {
  /** The server's whole environment (PORT included); nothing is inherited but PATH and HOME. */
  readonly env: Readonly<Record<string, string>>;
  /** Extra arguments, e.g. `['--role', 'worker']`. */
  readonly args?: readonly string[];
  /** Node options before the script, e.g. `['--cpu-prof', '--cpu-prof-dir=/tmp/prof']`. */
  readonly nodeArgs?: readonly string[];
  /** Wait for `/readyz` (default true; a worker-only process serves no HTTP). */
  readonly waitReady?: boolean;
  readonly readyTimeoutMs?: number;
}

/**
 * The built server run as a separate process exactly as `pnpm start` runs it
 * (`node apps/server/dist/main.js`), with every line it logs kept for scanning. Restartable on
 * the same environment (and so the same database).
 */
export class ServerProcess {
  readonly options: ServerProcessOptions;
  /** Every line logged by every run of this server, oldest first. */
  readonly logs: LogLine[] = [];
  #child: ChildProcess | undefined;
  #exit: Promise<number | null> | undefined;

  private constructor(options: ServerProcessOptions) {
    this.options = options;
  }

  /** Spawns the server and waits until `/readyz` answers 200. */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const server = new ServerProcess(options);
    await server.restart();
    return server;
  }

  /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return `http://127.0.0.1:${this.options.env.PORT}`;
  }

  /** The process id of the current run, if running. */
  get pid(): number | undefined {
    return this.#child?.exitCode === null ? this.#child.pid : undefined;
  }

  /** Whether the current run is still alive. */
  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Starts a new run (the previous one must have ended) and waits for readiness. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('ServerProcess: still running; stop() or kill() it first');
    const argv = [...(this.options.nodeArgs ?? []), SERVER_MAIN, ...(this.options.args ?? [])];
    const child = spawn(process.execPath, argv, {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    this.#exit = once(child, 'exit').then(([code]) => code as number | null);
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream] }).on('line', (text) => this.logs.push({ stream, text }));
    }
    if (this.options.waitReady === false) return;
    await waitFor(async () => !this.running || (await this.#ready()), {
      timeoutMs: this.options.readyTimeoutMs ?? 60_000,
      intervalMs: 100,
      what: `the server on ${this.url} to be ready`,
    });
    if (!this.running) throw new Error(`the server exited during start-up:\n${this.logText().slice(-4000)}`);
  }

  async #ready(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200;
    } catch {
      return false;
    }
  }

  /** Graceful stop: SIGTERM, then SIGKILL if it has not exited after `graceMs`. Returns the exit code. */
  async stop(graceMs = 25_000): Promise<number | null> {
    if (!this.running) return (await this.#exit) ?? null;
    this.#child?.kill('SIGTERM');
    const timer = setTimeout(() => this.#child?.kill('SIGKILL'), graceMs);
    try {
      return (await this.#exit) ?? null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Crash: SIGKILL, as a power cut or an OOM kill would. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.#child?.kill('SIGKILL');
    await this.#exit;
  }

  /** Everything logged so far, one line per log line. */
  logText(): string {
    return this.logs.map((line) => line.text).join('\n');
  }
}
