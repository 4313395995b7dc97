import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A benchmark target (Bolt or bare fastify) run as its own process, like the bot. */
export class TargetProcess {
  readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
  }

  /** Starts `bench-kit/<script>` with `env` and waits for its `ready` line. */
  static async start(script: string, env: Readonly<Record<string, string>>): Promise<TargetProcess> {
    const child = spawn(process.execPath, [join(HERE, script)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => line === 'ready' && resolve());
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
    return new TargetProcess(child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}
