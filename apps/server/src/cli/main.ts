import 'reflect-metadata';
import { loadConfig } from '../config/index.ts';
import { explainStartupError, UsageError } from '../server/startup-error.ts';
import { CLI_USAGE, parseCliArgs } from './cli-args.ts';
import { type CommandResult, createAdmin, migrate, replay, report } from './cli-commands.ts';

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
    case 'create-admin': {
      const email = options.email ?? config.admin?.email;
      const password = options.password ?? config.admin?.password;
      if (email === undefined || password === undefined) {
        const needs = [email === undefined ? '--email' : '', password === undefined ? '--password' : ''];
        throw new UsageError(
          `create-admin needs ${needs.filter(Boolean).join(' and ')} (or ADMIN_EMAIL and ADMIN_PASSWORD)`,
        );
      }
      return createAdmin(config, { email, password });
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
