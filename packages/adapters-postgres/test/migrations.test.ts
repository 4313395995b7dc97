import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Compilable, CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE, lockDataDir } from '../src/data-dir-lock.ts';
import {
  appliedMigrations,
  MIGRATIONS,
  migrateToEmpty,
  migrateToLatest,
  openDatabase,
  PostgresAdapterError,
  PostgresIssueRepo,
} from '../src/index.ts';
import {
  countOpenQuery,
  countResolvedQuery,
  issueByThreadQuery,
  issueByTicketQuery,
} from '../src/issue-queries.ts';
import { openTestDatabase, TEST_BACKENDS, type TestDatabase } from './test-database.ts';

const ALL = Object.keys(MIGRATIONS);

async function tables(database: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(database.db);
  return rows.map((r) => r.name);
}

describe.each(TEST_BACKENDS)('migrations [%s]', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend, { migrate: false });
  });
  afterAll(() => database?.close());

  it('migrates an empty database to the latest, and a second run is a no-op', async () => {
    await database.ping();
    expect((await migrateToLatest(database.db)).applied).toEqual(ALL);
    expect((await migrateToLatest(database.db)).applied).toEqual([]);
    expect(await appliedMigrations(database.db)).toEqual(ALL);
    expect(await tables(database)).toEqual([
      'admin_users',
      'deliveries',
      'inbound_events',
      'issues',
      'login_limits',
      'oauth_tokens',
      'post_pace',
      'reports',
      'sessions',
      'sweep_leases',
      'sweeps',
    ]);
  });

  it('rolls all the way down and up again', async () => {
    expect((await migrateToEmpty(database.db)).applied).toEqual([...ALL].reverse());
    expect(await tables(database)).toEqual([]);
    expect((await migrateToLatest(database.db)).applied).toEqual(ALL);
    const repo = new PostgresIssueRepo(database.db);
    await repo.claimThread({ platform: 'slack', channel: 'C', threadId: '1', openedAt: new Date() });
    expect(await repo.countOpen()).toBe(1);
  });

  it("indexes issue summaries with pg_trgm, which serves the search's ILIKE", async () => {
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where tablename = 'issues' and indexname = 'issues_summary_trgm'`.execute(
      database.db,
    );
    expect(rows.map((r) => r.indexdef)).toEqual([expect.stringContaining('gin (summary gin_trgm_ops)')]);
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const explained = await sql<{ 'QUERY PLAN': string }>`
        explain select id from issues where summary ilike ${'%printer%'}`.execute(trx);
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('issues_summary_trgm');
  });

  it('serves the daily report and the thread and ticket look-ups from their indexes', async () => {
    // With sequential scans priced out, a query still scans the table only if no index serves it.
    const plan = (query: Compilable) =>
      database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const compiled = query.compile();
        const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
        );
        return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const day = new Date('2026-06-15T00:00:00Z');
    const plans = {
      countOpen: await plan(countOpenQuery(database.db)),
      countResolved: await plan(countResolvedQuery(database.db, day, new Date(day.getTime() + 86_400_000))),
      byThread: await plan(
        issueByThreadQuery(database.db, { platform: 'slack', channel: 'C', threadId: '1' }),
      ),
      byTicket: await plan(issueByTicketQuery(database.db, '5000')),
    };
    expect(plans.countOpen).toContain('issues_open_idx');
    expect(plans.countResolved).toContain('issues_resolved_at_idx');
    expect(plans.byThread).toContain('issues_thread_key');
    expect(plans.byTicket).toContain('issues_ticket_key');
    expect(Object.values(plans).filter((p) => p.includes('Seq Scan'))).toEqual([]);
  });

  it('enforces one issue per thread and per ticket in the schema itself', async () => {
    const insert = (id: string, thread: string | null, ticket: string | null) =>
      sql`insert into issues (id, platform, channel, thread_id, ticket_id, status, source, opened_at)
          values (${id}::uuid, 'slack', 'C', ${thread}, ${ticket}, 'open', 'chat', now())`.execute(
        database.db,
      );
    await insert('00000000-0000-4000-8000-000000000001', 't', 'x');
    await expect(insert('00000000-0000-4000-8000-000000000002', 't', null)).rejects.toMatchObject({
      code: '23505',
    });
    await expect(insert('00000000-0000-4000-8000-000000000003', null, 'x')).rejects.toMatchObject({
      code: '23505',
    });
    // Many issues may wait for a thread or a ticket at once.
    await insert('00000000-0000-4000-8000-000000000004', null, null);
    await insert('00000000-0000-4000-8000-000000000005', null, null);
  });
});

describe('concurrent start-up [postgres]', () => {
  it('two instances migrating at once apply each migration once', async () => {
    const first = await openTestDatabase('postgres', { migrate: false });
    const second = await openDatabase({ ...(first.url === undefined ? {} : { url: first.url }) });
    try {
      const [a, b] = await Promise.all([migrateToLatest(first.db), migrateToLatest(second.db)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(ALL);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('PGlite data directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zsc-pglite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes over the lock a dead process left behind', async () => {
    const dataDir = join(dir, 'stale');
    await mkdir(dataDir, { recursive: true });
    // Pid 2^31-2 is never a live process here.
    await writeFile(join(dataDir, DATA_DIR_LOCK_FILE), '2147483646');
    const release = await lockDataDir(dataDir);
    expect(await readFile(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(PostgresAdapterError);
    await release();
    await (await lockDataDir(dataDir))();
  });

  it('creates a missing directory and keeps the data across close and reopen', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    const { issue } = await new PostgresIssueRepo(first.db).claimThread({
      platform: 'slack',
      channel: 'C',
      threadId: '1',
      openedAt: new Date('2026-01-01T00:00:00Z'),
    });
    await first.close();
    await first.close();
    const reopened = await openDatabase({ dataDir });
    try {
      // A second instance on the same directory would corrupt it: refused while the first is open.
      await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'postgres.data_dir_locked' });
      expect((await migrateToLatest(reopened.db)).applied).toEqual([]);
      expect(await new PostgresIssueRepo(reopened.db).findById(issue.id)).toEqual(issue);
    } finally {
      await reopened.close();
    }
  });
});

describe.each(TEST_BACKENDS)('migration 0009_report_platform [%s]', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend, { migrate: false });
  });
  afterAll(() => database?.close());

  it("keeps the reports made before it as Slack's, and lets each platform report the same day", async () => {
    const names = Object.keys(MIGRATIONS);
    // Kysely's migrator runs each migration in a transaction; some use savepoints.
    await database.db.transaction().execute(async (tx) => {
      for (const name of names.slice(0, names.indexOf('0009_report_platform')))
        await MIGRATIONS[name]?.up(tx);
    });
    await sql`insert into reports (day, period_start, period_end, open_count, resolved_count, posted_at)
      values ('2026-11-02', now(), now(), 3, 1, now())`.execute(database.db);
    await database.db
      .transaction()
      .execute((tx) => MIGRATIONS['0009_report_platform']?.up(tx) ?? Promise.resolve());
    const repo = new PostgresIssueRepo(database.db);
    expect(await repo.lastReport('slack')).toMatchObject({
      platform: 'slack',
      day: '2026-11-02',
      openCount: 3,
    });
    const at = new Date('2026-11-02T09:00:00Z');
    await repo.saveReport({
      platform: 'teams',
      day: '2026-11-02',
      periodStart: at,
      periodEnd: at,
      openCount: 1,
      resolvedCount: 0,
      postedAt: at,
    });
    expect(await repo.lastReport('teams')).toMatchObject({ platform: 'teams', openCount: 1 });
    expect(await repo.listReports(10)).toHaveLength(2);
  });
});
