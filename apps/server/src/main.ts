import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/index.ts';
import { buildServer } from './server/build-server.ts';
import { ROLES, type Role } from './server/roles.ts';

function parseFlags(argv: readonly string[]): { role: Role; sandbox: boolean } {
  // `pnpm start -- --sandbox` may hand the separator through.
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: { role: { type: 'string', default: 'all' }, sandbox: { type: 'boolean', default: false } },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new ConfigError([`--role: must be one of ${ROLES.join(', ')}`]);
  return { role, sandbox: values.sandbox };
}

/** Starts the server: listens on PORT, runs the workers (per --role, --sandbox), stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const config = loadConfig(undefined, flags);
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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
