import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** What a finished process printed and how it ended. */
export interface EntryRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the server (`main`) or the CLI (`cli/main`) as `pnpm start` / `pnpm zenslackchat` do
 * (scripts/run-server.mjs), with exactly `env` plus PATH and HOME.
 */
export function runEntry(
  entry: 'main' | 'cli/main',
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  /** Standard input, then closed (empty by default: nothing typed, as in CI). */
  input = '',
): Promise<EntryRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['scripts/run-server.mjs', entry, ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

/** The lines of `text` without blank ones. */
export const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
