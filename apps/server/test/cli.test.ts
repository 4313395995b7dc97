import { AdminUserStore, MIGRATIONS, openDatabase } from '@zenslackchat/adapters-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, migrate, replay, report } from '../src/cli/cli-commands.ts';
import { type AppConfig, loadConfig } from '../src/config/index.ts';
import { DEAD_LETTER_QUEUE, type DeadLetter } from '../src/jobs/queues.ts';
import { buildServer } from '../src/server/build-server.ts';
import { verifyPassword } from '../src/web/index.ts';
import { freshPostgres } from './support/databases.ts';
import { type Fakes, startFakes } from './support/e2e-harness.ts';
import { logCapture } from './support/log-capture.ts';

describe('the CLI commands', () => {
  let fakes: Fakes;
  let config: AppConfig;
  let drop: () => Promise<void>;
  const io = { logStream: logCapture().stream };

  beforeAll(async () => {
    const database = await freshPostgres('zsc_cli');
    drop = database.drop;
    fakes = await startFakes({ DATABASE_URL: database.url });
    config = loadConfig(fakes.env);
  });
  afterAll(async () => {
    await fakes?.close();
    await drop?.();
  });

  it('migrate applies every migration once', async () => {
    expect(await migrate(config, io)).toEqual({ applied: Object.keys(MIGRATIONS) });
    expect(await migrate(config, io)).toEqual({ applied: [] });
  });

  it('create-admin stores a scrypt hash of the password, refuses a taken email and a short password', async () => {
    const created = await createAdmin(config, {
      email: 'Admin@Example.com',
      password: 'correct horse battery',
    });
    expect(created.created).toBe('admin@example.com');
    const database = await openDatabase(config.database);
    const admin = await new AdminUserStore(database.db).findByEmail('admin@example.com');
    await database.close();
    expect(admin?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('correct horse battery', admin!.passwordHash)).toBe(true);
    await expect(
      createAdmin(config, { email: 'admin@example.com', password: 'another long one' }),
    ).rejects.toThrow('an admin with that email exists');
    await expect(createAdmin(config, { email: 'x@example.com', password: 'short' })).rejects.toThrow(
      'at least 12',
    );
  });

  it('create-admin falls back to ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    const fromEnv = loadConfig({
      ...fakes.env,
      ADMIN_EMAIL: 'env@example.com',
      ADMIN_PASSWORD: 'from the environment',
    });
    expect((await createAdmin(fromEnv, {})).created).toBe('env@example.com');
  });

  it('a server started with ADMIN_EMAIL / ADMIN_PASSWORD creates that admin once', async () => {
    const withAdmin = loadConfig({
      ...fakes.env,
      ADMIN_EMAIL: 'first@example.com',
      ADMIN_PASSWORD: 'first start password',
    });
    for (let run = 0; run < 2; run += 1)
      await (await buildServer(withAdmin, { role: 'worker', ...io })).stop();
    const database = await openDatabase(config.database);
    const admin = await new AdminUserStore(database.db).findByEmail('first@example.com');
    await database.close();
    expect(await verifyPassword('first start password', admin!.passwordHash)).toBe(true);
  });

  it('replay-dead-letters sends each letter back to its queue with its key, once', async () => {
    const server = await buildServer(config, { role: 'worker', ...io });
    const letter: DeadLetter = {
      queue: 'ticket-comment',
      key: 'ticket:42',
      data: { notice: { ticketId: '42' } },
      error: { name: 'IntegrationError', reason: 'Unavailable', message: 'down' },
      sourceId: '00000000-0000-4000-8000-000000000001',
      failedAt: new Date().toISOString(),
    };
    await server.boss.send(DEAD_LETTER_QUEUE, letter);
    await server.stop();
    expect(await replay(config, 10, io)).toEqual({ replayed: 1, discarded: 0 });
    expect(await replay(config, 10, io)).toEqual({ replayed: 0, discarded: 0 });
    const again = await buildServer(config, { role: 'worker', ...io });
    const jobs = await again.boss.findJobs('ticket-comment');
    await again.stop();
    expect(jobs.map((job) => [job.singletonKey, job.data])).toEqual([
      ['ticket:42', { notice: { ticketId: '42' } }],
    ]);
  });

  it('replay-dead-letters also unblocks a thread whose job pg-boss failed by itself (e.g. expired)', async () => {
    const server = await buildServer(config, { role: 'worker', ...io });
    const key = { singletonKey: 'ticket:77' };
    await server.boss.send('email-ticket', { notice: { ticketId: '77' } }, { ...key, retryLimit: 0 });
    const [job] = await server.boss.fetch('email-ticket');
    await server.boss.fail('email-ticket', job!.id, { message: 'expired' });
    await server.boss.send('email-ticket', { notice: { ticketId: '77' } }, key);
    expect(await server.boss.fetch('email-ticket')).toEqual([]);
    await server.stop();
    expect(await replay(config, 10, io)).toEqual({ replayed: 1, discarded: 0 });
    const again = await buildServer(config, { role: 'worker', ...io });
    const [next] = await again.boss.fetch('email-ticket');
    const waiting = await again.boss.findJobs('email-ticket');
    await again.stop();
    expect(next?.data).toEqual({ notice: { ticketId: '77' } });
    expect(waiting.filter((j) => j.singletonKey === 'ticket:77' && j.state === 'failed')).toEqual([]);
  });

  it('report posts the daily report to the support channel now', async () => {
    const outcome = await report(config, io);
    expect(outcome.outcome).toBe('report-posted');
    expect(fakes.slack.messages.filter((m) => m.text.startsWith('Daily report: 0 open issues'))).toHaveLength(
      1,
    );
  });
});
