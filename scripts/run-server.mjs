// `pnpm start` and `pnpm zenslackchat`: run the server (`main`) or the CLI (`cli/main`) from the
// TypeScript sources where Node strips types (22.18 and later: no build step, a fast first start),
// else build dist/ with turbo once (errors only, on stderr) and run the compiled files (Node 20).
// Plain JavaScript on purpose: it has to run on a Node that cannot read TypeScript.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRIES = ['main', 'cli/main'];
const [entry = '', ...rest] = process.argv.slice(2);
if (!ENTRIES.includes(entry)) {
  console.error(`usage: node scripts/run-server.mjs <${ENTRIES.join('|')}> [arguments]`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
// pnpm hands `pnpm start -- --sandbox` through with its separator.
const args = rest.filter((arg) => arg !== '--');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

/** Whether this Node runs `.ts` files without a flag. */
const stripsTypes = major > 22 || (major === 22 && minor >= 18);

function run(argv) {
  const child = spawn(process.execPath, argv, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
}

if (stripsTypes) {
  const argv = [
    '--disable-warning=ExperimentalWarning',
    '--conditions=@zenslackchat/source',
    join(root, 'apps/server/src', `${entry}.ts`),
    ...args,
  ];
  // Replacing this process keeps one pid, so signals and exit codes need no forwarding.
  if (typeof process.execve === 'function') process.execve(process.execPath, [process.execPath, ...argv]);
  else run(argv);
} else {
  const build = spawnSync(
    'turbo',
    ['run', 'build', '--filter=@zenslackchat/server...', '--output-logs=errors-only', '--log-prefix=none'],
    { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  run([join(root, 'apps/server/dist', `${entry}.js`), ...args]);
}
