import { appliedMigrations, type Database, MIGRATIONS } from '@zenslackchat/adapters-postgres';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** What readiness looks at. */
export interface HealthDeps {
  readonly database: Database;
  /** True while the job queue is started and not stopping. */
  jobsRunning(): boolean;
}

async function check(probe: () => Promise<boolean>): Promise<'ok' | 'failing'> {
  try {
    return (await probe()) ? 'ok' : 'failing';
  } catch {
    return 'failing';
  }
}

/** `GET /healthz`: the process is up. `GET /readyz`: database reachable, migrated, jobs running (else 503). */
export async function healthRoutes(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const { db } = deps.database;
    const checks = {
      database: await check(async () => (await sql`select 1 as one`.execute(db)).rows.length === 1),
      migrations: await check(
        async () => (await appliedMigrations(db)).length === Object.keys(MIGRATIONS).length,
      ),
      jobs: deps.jobsRunning() ? 'ok' : 'failing',
    } as const;
    const ready = Object.values(checks).every((value) => value === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
  });
}
