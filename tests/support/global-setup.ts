import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { REPO_ROOT, SERVER_MAIN } from './paths.ts';

/**
 * Builds the server once before the black-box files run (`pnpm -s build`; turbo skips what is
 * unchanged). A lock file serialises builds between concurrent runs on this machine.
 * `ZSC_E2E_SKIP_BUILD=1` reuses the existing dist (for iterating on the tests themselves).
 */
export default function setup(): void {
  if (process.env.ZSC_E2E_SKIP_BUILD === '1' && existsSync(SERVER_MAIN)) return;
  execFileSync('flock', ['/tmp/zsc-build.lock', 'pnpm', '-s', 'build', '--output-logs=errors-only'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
