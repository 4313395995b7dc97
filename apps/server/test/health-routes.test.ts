import { type Database, migrateToLatest, openDatabase } from '@zenslackchat/adapters-postgres';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes } from '../src/http/health-routes.ts';

let app: FastifyInstance | undefined;
let database: Database | undefined;

async function healthApp(options: { migrate: boolean; jobsRunning: boolean }): Promise<FastifyInstance> {
  database = await openDatabase({ dataDir: 'memory://' });
  if (options.migrate) await migrateToLatest(database.db);
  const opened = database;
  app = Fastify();
  await app.register(async (scope) =>
    healthRoutes(scope, { database: opened, jobsRunning: () => options.jobsRunning }),
  );
  return app;
}

afterEach(async () => {
  await app?.close();
  await database?.close().catch(() => {});
  app = undefined;
  database = undefined;
});

// Each check of /readyz on its own: a failing one makes it 503 and is named; /healthz stays 200.
describe('GET /readyz', () => {
  it('is 503 naming the migrations on a database that is not migrated', async () => {
    const ready = await (await healthApp({ migrate: false, jobsRunning: true })).inject({ url: '/readyz' });
    expect([ready.statusCode, ready.json()]).toEqual([
      503,
      { status: 'unavailable', checks: { database: 'ok', migrations: 'failing', jobs: 'ok' } },
    ]);
  });

  it('is 503 naming the job queue when it is not running', async () => {
    const ready = await (await healthApp({ migrate: true, jobsRunning: false })).inject({ url: '/readyz' });
    expect([ready.statusCode, ready.json()]).toEqual([
      503,
      { status: 'unavailable', checks: { database: 'ok', migrations: 'ok', jobs: 'failing' } },
    ]);
  });

  it('is 503 naming the database once it cannot be reached, while /healthz stays 200', async () => {
    const server = await healthApp({ migrate: true, jobsRunning: true });
    expect((await server.inject({ url: '/readyz' })).statusCode).toBe(200);
    await database?.close();
    const ready = await server.inject({ url: '/readyz' });
    expect([ready.statusCode, ready.json()]).toEqual([
      503,
      { status: 'unavailable', checks: { database: 'failing', migrations: 'failing', jobs: 'ok' } },
    ]);
    expect((await server.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
