import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './paths.ts';

/**
 * Builds the server once before the black-box files run (`pnpm -s build`; turbo skips what is
 * unchanged). A lock file serialises builds between concurrent test runs on this machine.
 */
export default function setup(): void {
  execFileSync('flock', ['/tmp/zsc-build.lock', 'pnpm', '-s', 'build', '--output-logs=errors-only'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
