import 'reflect-metadata';
import { loadConfig } from './config/index.ts';
import { buildServer } from './server/build-server.ts';
import { assertPortFree } from './server/port-check.ts';
import { parseServerArgs, SERVER_USAGE } from './server/server-args.ts';
import { explainStartupError, UsageError } from './server/startup-error.ts';

/** Starts the server: listens on PORT, runs the workers (per --role, --sandbox), stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const flags = parseServerArgs(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${SERVER_USAGE}\n`);
    return;
  }
  const config = loadConfig(undefined, flags);
  // Before the database: a second `pnpm start` should say "port in use", not migrate first.
  await assertPortFree(config.port, config.host);
  const server = await buildServer(config, flags);
  const shutdown = (signal: string) => {
    server.logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('unhandledRejection', (reason) => server.logger.error({ err: reason }, 'unhandled rejection'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await server.app.listen({ port: config.port, host: config.host });
  await server.start();
}

main().catch((error: unknown) => {
  const line = explainStartupError(error);
  if (error instanceof UsageError) console.error(`zenslackchat: ${line}\n\n${SERVER_USAGE}`);
  else console.error(line === undefined ? error : `zenslackchat cannot start: ${line}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
