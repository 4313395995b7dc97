import { parseArgs } from 'node:util';
import { ROLES, type Role } from './roles.ts';
import { UsageError } from './startup-error.ts';

/** The server's usage lines, for --help and after a usage error. */
export const SERVER_USAGE = `Usage: pnpm start [-- options]   (or node apps/server/dist/main.js [options])

Options:
  --role all|web|worker   which parts to run (default all): web takes HTTP, worker runs the jobs
  --sandbox               the real bot behind a simulated channel and tickets, on /sandbox
  -h, --help              print this and exit

Configuration comes from environment variables: see .env.example and docs/configuration.md.`;

/** What the command line asks of the server. */
export interface ServerArgs {
  readonly role: Role;
  readonly sandbox: boolean;
  readonly help: boolean;
}

/** `node:util` parseArgs errors carry ERR_PARSE_ARGS_* codes; keep their first sentence. */
export function usageErrorFrom(error: unknown): UsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const message = (error as Error).message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? 'bad arguments';
  return new UsageError(message, { cause: error });
}

/** Parses the server's arguments; throws `UsageError` on an unknown flag, a stray argument or a bad role. */
export function parseServerArgs(argv: readonly string[]): ServerArgs {
  let values: { role?: string | undefined; sandbox?: boolean | undefined; help?: boolean | undefined };
  try {
    // `pnpm start -- --sandbox` may hand the separator through.
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        sandbox: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw usageErrorFrom(error) ?? error;
  }
  const role = (values.role ?? 'all') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${role}"`);
  return { role, sandbox: values.sandbox === true, help: values.help === true };
}
