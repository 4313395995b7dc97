import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/index.ts';
import { type CommandResult, createAdmin, migrate, replay, report } from './cli-commands.ts';

const USAGE = `Usage: pnpm zenslackchat <command> [options]

Commands:
  migrate                       apply database migrations and set up the job queues
  report                        post the daily report now
  create-admin [--email E] [--password P]
                                create a web admin (default: ADMIN_EMAIL / ADMIN_PASSWORD)
  replay-dead-letters [--limit N]
                                send failed jobs back to their queues (default 100)

Configuration comes from the same environment variables as the server.`;

/** Runs one CLI command and prints its result as JSON; exits 1 with a message on failure. */
async function main(argv: readonly string[]): Promise<CommandResult | undefined> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      limit: { type: 'string', default: '100' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined) {
    console.log(USAGE);
    return undefined;
  }
  const config = loadConfig();
  const io = { logFd: 2 } as const;
  switch (command) {
    case 'migrate':
      return migrate(config, io);
    case 'report':
      return report(config, io);
    case 'create-admin':
      return createAdmin(config, { email: values.email, password: values.password });
    case 'replay-dead-letters': {
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new Error('--limit must be 1..10000');
      return replay(config, limit, io);
    }
    default:
      throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result !== undefined) console.log(JSON.stringify(result, null, 2));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
