import { parseArgs } from 'node:util';
import { usageErrorFrom } from '../server/server-args.ts';
import { UsageError } from '../server/startup-error.ts';

/** The CLI's usage lines, for --help and after a usage error. */
export const CLI_USAGE = `Usage: pnpm zenslackchat <command> [options]

Commands:
  migrate                       apply database migrations and set up the job queues
  report                        post the daily report now
  reconcile                     run one reconciliation sweep now (heal missed Zendesk notices)
  create-admin --email E         create a web admin; the password is asked for (or read from
                                standard input), never taken from the command line
                                (default: ADMIN_EMAIL / ADMIN_PASSWORD)
  replay-dead-letters [--limit N]
                                send failed jobs back to their queues (default 100)
  import-legacy --from URL [--dry-run] [--days N]
                                import the original Django bot's open issues and those closed in
                                the last N days (default 7) from its Postgres database; idempotent

Options:
  -h, --help                    print this and exit

Configuration comes from the same environment variables as the server.`;

type StringOption = { readonly type: 'string' };
type Option = StringOption | { readonly type: 'boolean' };
const text: StringOption = { type: 'string' };

/** Each command's own options; anything else is a usage error. */
const COMMANDS = {
  migrate: {},
  report: {},
  reconcile: {},
  // `password` is parsed only to refuse it with a reason (see main.ts).
  'create-admin': { email: text, password: text },
  'replay-dead-letters': { limit: text },
  'import-legacy': { from: text, days: text, 'dry-run': { type: 'boolean' } },
} as const satisfies Record<string, Record<string, Option>>;

/** A command the CLI knows. */
export type CliCommand = keyof typeof COMMANDS;

/** A parsed command line: `help`, or a command with its string options and the flags it was given. */
export type CliArgs =
  | { readonly command: 'help' }
  | {
      readonly command: CliCommand;
      readonly options: Readonly<Record<string, string | undefined>>;
      readonly flags: ReadonlySet<string>;
    };

const isCommand = (name: string): name is CliCommand => Object.hasOwn(COMMANDS, name);

/** Parses `argv`; throws `UsageError` for an unknown command or flag, a missing value or a stray argument. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args = argv.filter((arg) => arg !== '--');
  const [first] = args;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h')
    return { command: 'help' };
  if (first.startsWith('-')) throw new UsageError(`a command comes first, not "${first}"`);
  if (!isCommand(first)) throw new UsageError(`unknown command "${first}"`);
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: args.slice(1),
      strict: true,
      allowPositionals: false,
      options: { ...COMMANDS[first], help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw usageErrorFrom(error) ?? error;
  }
  if (values.help === true) return { command: 'help' };
  const options = Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const flags = new Set(Object.entries(values).flatMap(([name, value]) => (value === true ? [name] : [])));
  return { command: first, options, flags };
}
