import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built server entry point, started exactly as `pnpm start` does. */
export const SERVER_MAIN = join(REPO_ROOT, 'apps/server/dist/main.js');
/** The built CLI entry point (`pnpm zenslackchat <command>`). */
export const CLI_MAIN = join(REPO_ROOT, 'apps/server/dist/cli/main.js');
