import 'reflect-metadata';
import { loadConfig } from '../config/index.ts';
import { explainStartupError, UsageError } from '../server/startup-error.ts';
import { CLI_USAGE, parseCliArgs } from './cli-args.ts';
import { type CommandResult, createAdmin, migrate, reconcile, replay, report } from './cli-commands.ts';
import { importLegacy } from './legacy/run-import.ts';
import { readPassword } from './read-password.ts';

/** Runs one CLI command and prints its result as JSON; exits 1 with a message on failure, 2 on a usage error. */
async function main(argv: readonly string[]): Promise<CommandResult | undefined> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(`${CLI_USAGE}\n`);
    return undefined;
  }
  const { options } = args;
  const config = loadConfig();
  // Logs go to stderr (stdout is the JSON result), warnings and errors only.
  const io = { logFd: 2, quiet: true } as const;
  switch (args.command) {
    case 'migrate':
      return migrate(config, io);
    case 'report':
      return report(config, io);
    case 'reconcile':
      return reconcile(config, io);
    case 'create-admin': {
      if (options.password !== undefined) {
        throw new UsageError(
          '--password is not accepted: a password on the command line shows in the process list and the shell history; type it at the prompt or pipe it on standard input',
        );
      }
      const email = options.email ?? config.admin?.email;
      if (email === undefined) throw new UsageError('create-admin needs --email (or ADMIN_EMAIL)');
      // ADMIN_PASSWORD (the start-up bootstrap's) when set; else the prompt or standard input.
      const password =
        config.admin?.password ?? (await readPassword({ input: process.stdin, output: process.stderr }));
      return createAdmin(config, { email, password });
    }
    case 'import-legacy': {
      const days = Number(options.days ?? '7');
      if (options.from === undefined || !/^postgres(ql)?:\/\//.test(options.from))
        throw new UsageError('import-legacy needs --from postgres://… (the original bot’s database)');
      if (!Number.isInteger(days) || days < 0 || days > 366)
        throw new UsageError('--days must be a whole number from 0 to 366');
      return importLegacy(config, { from: options.from, dryRun: args.flags.has('dry-run'), days }, io);
    }
    case 'replay-dead-letters': {
      const limit = Number(options.limit ?? '100');
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new UsageError('--limit must be a whole number from 1 to 10000');
      return replay(config, limit, io);
    }
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    const line = explainStartupError(error) ?? (error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) console.error(`zenslackchat: ${line}\n\n${CLI_USAGE}`);
    else console.error(`zenslackchat: ${line}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
