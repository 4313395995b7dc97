import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI_MAIN, REPO_ROOT } from './paths.ts';

const run = promisify(execFile);

/** Runs the built CLI (`pnpm zenslackchat <args>`) with the server's environment; resolves its output. */
export async function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [CLI_MAIN, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    timeout: 60_000,
  });
}
