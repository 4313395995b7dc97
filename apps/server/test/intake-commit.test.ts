import { type Database, PostgresIssueRepo } from '@zenslackchat/adapters-postgres';
import { type ChatEvent, silentLogger, systemClock } from '@zenslackchat/core';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntakeStatement, commitIntakeBatch, type IntakeItem } from '../src/jobs/commit-intake-batch.ts';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import { acceptChatEvent, type IntakeDeps } from '../src/jobs/durable-intake.ts';
import { IntakeBatcher } from '../src/jobs/intake-batcher.ts';
import { DEFAULT_JOB_TUNING } from '../src/jobs/job-tuning.ts';
import { chatOrderingKey } from '../src/jobs/queues.ts';
import { chatEvent, TEST_CHANNEL } from './support/chat-events.ts';
import { BACKENDS, openTestDatabase } from './support/databases.ts';

const CHANNEL = TEST_CHANNEL;
const event = chatEvent;

function item(chat: ChatEvent, dedup = true): IntakeItem<'chat-message'> {
  const eventId = dedup ? chat.eventId : undefined;
  return {
    source: 'slack',
    eventId,
    queue: 'chat-message',
    data: { event: chat },
    key: chatOrderingKey(chat),
  };
}

describe.each(BACKENDS)('the batched intake on %s', { timeout: 120_000 }, (backend) => {
  let database: Database;
  let boss: PgBoss;
  let cleanup: () => Promise<void>;
  let commit: ReturnType<typeof commitIntakeBatch>;

  /** Texts of the chat-message jobs waiting in the queue for `key`. */
  const queuedTexts = async (key: string) => {
    const rows = await sql<{ text: string }>`
      select data->'event'->>'text' as text from pgboss.job
      where name = 'chat-message' and singleton_key = ${key} order by created_on, id`.execute(database.db);
    return rows.rows.map((row) => row.text);
  };
  const recorded = async (eventId: string) => {
    const rows = await sql`select 1 from inbound_events where event_id = ${eventId}`.execute(database.db);
    return rows.rows.length;
  };

  beforeAll(async () => {
    const opened = await openTestDatabase(backend, 'zsc_intake');
    database = opened.database;
    cleanup = opened.cleanup;
    // No workers: jobs stay queued so the test can read them in the order pg-boss would run them.
    boss = createBoss({ database, ...(opened.url === undefined ? {} : { url: opened.url }) }, silentLogger, {
      schedule: false,
    });
    await boss.start();
    await setupQueues(boss, DEFAULT_JOB_TUNING);
    commit = commitIntakeBatch({ database, boss, clock: systemClock });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await cleanup?.();
  });

  it('records a batch at once: repeats within the batch and ids already seen are duplicates', async () => {
    const seen = event('seen before');
    expect(await commit([item(seen)])).toEqual(['accepted']);
    const fresh = event('fresh');
    const outcomes = await commit([item(fresh), item(seen), item(fresh), item(event('other'))]);
    expect(outcomes).toEqual(['accepted', 'duplicate', 'duplicate', 'accepted']);
    expect(await queuedTexts(chatOrderingKey(fresh))).toEqual(['fresh']);
    expect(await queuedTexts(chatOrderingKey(seen))).toEqual(['seen before']);
  });

  it('two overlapping commits of the same events: each event is accepted once, its job written once', async () => {
    for (let round = 0; round < 10; round += 1) {
      const both = [event(`overlap ${round} a`), event(`overlap ${round} b`)];
      const [first, second] = await Promise.all([
        commit(both.map((chat) => item(chat))),
        commit([...both].reverse().map((chat) => item(chat))),
      ]);
      // Each event is accepted by exactly one of the two, and queued exactly once.
      for (const [index, chat] of both.entries()) {
        const answers = [first?.[index], second?.[both.length - 1 - index]];
        expect(answers.filter((answer) => answer === 'accepted')).toHaveLength(1);
        expect(answers.filter((answer) => answer === 'duplicate')).toHaveLength(1);
        expect(await queuedTexts(chatOrderingKey(chat))).toEqual([chat.text]);
        expect(await recorded(chat.eventId)).toBe(1);
      }
    }
  });

  it('commits a batch of one queue in one statement, without BEGIN or COMMIT; prepared on Postgres', async () => {
    const statements: string[] = [];
    const prepared: string[] = [];
    // The same database, seen through a Kysely that logs every statement it sends and a pool that
    // logs what is sent through it directly (neither closed: they are the test database's).
    const counted = new Kysely<never>({
      dialect:
        database.pglite !== undefined
          ? new PGliteDialect({ pglite: database.pglite })
          : new PostgresDialect({ pool: database.pool as NonNullable<Database['pool']> }),
      log: (logged) => {
        statements.push(logged.query.sql);
      },
    });
    const pool = database.pool;
    const countedPool =
      pool === undefined
        ? undefined
        : ({
            query: (config: { name?: string; text: string }, values?: unknown[]) => {
              statements.push(config.text);
              if (config.name !== undefined) prepared.push(config.name);
              return pool.query(config as never, values as never);
            },
          } as unknown as Database['pool']);
    const counting = commitIntakeBatch({
      database: {
        ...database,
        db: counted as never,
        ...(countedPool === undefined ? {} : { pool: countedPool }),
      },
      boss,
      clock: systemClock,
    });
    const batch = [event('one trip a'), event('one trip b'), event('one trip c')];
    expect(await counting([...batch.map((chat) => item(chat)), item(batch[0] as ChatEvent)])).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'duplicate',
    ]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/INSERT INTO inbound_events/);
    expect(statements[0]).toMatch(/INSERT INTO pgboss\.job/i);
    // On Postgres a named prepared statement, the same name for the next batch of the queue.
    expect(prepared).toHaveLength(backend === 'postgres' ? 1 : 0);
    if (backend === 'postgres') {
      expect(await counting([item(event('one trip d'))])).toEqual(['accepted']);
      expect(prepared).toHaveLength(2);
      expect(prepared[1]).toBe(prepared[0]);
    }
    // A batch across two queues is one transaction: BEGIN, one statement per queue, COMMIT.
    statements.length = 0;
    const mixed: IntakeItem = {
      source: 'zendesk',
      eventId: 'delivery-mixed-1',
      queue: 'ticket-comment',
      data: { notice: { ticketId: '9001' } },
      key: 'ticket:9001',
    };
    expect(await counting([item(event('mixed')), mixed])).toEqual(['accepted', 'accepted']);
    // (Kysely logs the BEGIN and COMMIT it sends through pg, not those of its PGlite driver.)
    const verbs = statements.map((text) => text.trim().split(/\s/)[0]?.toLowerCase());
    expect(verbs).toEqual(backend === 'postgres' ? ['begin', 'with', 'with', 'commit'] : ['with', 'with']);
  });

  it('checks at start-up that pg-boss inserts with the one statement the intake wraps', async () => {
    await expect(checkIntakeStatement(boss)).resolves.toBeUndefined();
    const changed = {
      insert: async (
        _queue: string,
        _jobs: unknown[],
        options: { db: { executeSql: (text: string, values: unknown[]) => Promise<unknown> } },
      ) => options.db.executeSql('INSERT INTO pgboss.job (id, name) VALUES ($1, $2)', ['a', 'b']),
    } as unknown as PgBoss;
    await expect(checkIntakeStatement(changed)).rejects.toThrow(/exactly one parameter/);
  });

  it('enqueues items without an event id every time', async () => {
    const admin = event('admin resolve');
    expect(await commit([item(admin, false), item(admin, false)])).toEqual(['accepted', 'accepted']);
    expect(await queuedTexts(chatOrderingKey(admin))).toEqual(['admin resolve', 'admin resolve']);
  });

  it('keeps a thread in arrival order within a batch and across batches', async () => {
    const root = event('root');
    const replies = Array.from({ length: 12 }, (_, i) => event(`reply ${i}`, root.messageId));
    await commit([item(root), ...replies.slice(0, 8).map((reply) => item(reply))]);
    await commit(replies.slice(8).map((reply) => item(reply)));
    expect(await queuedTexts(chatOrderingKey(root))).toEqual(['root', ...replies.map((r) => r.text)]);
    // And the queue hands them out in that order, one at a time per thread.
    const order: string[] = [];
    // Drains the queue (earlier tests left jobs of other threads), bounded.
    for (let i = 0; i < 100; i += 1) {
      const [job] = await boss.fetch<{ event: ChatEvent }>('chat-message');
      if (job === undefined) break;
      order.push(job.data.event.text);
      await boss.complete('chat-message', job.id);
    }
    expect(order.filter((text) => text === 'root' || text.startsWith('reply'))).toEqual([
      'root',
      ...replies.map((r) => r.text),
    ]);
  });

  it('a failing batch records nothing and fails every caller; the redelivery is accepted', async () => {
    const down = async () => Promise.reject(new Error('queue down'));
    const failing = commitIntakeBatch({
      database,
      boss: { insert: down } as unknown as PgBoss,
      clock: systemClock,
    });
    const batcher = new IntakeBatcher(failing, { maxBatch: 10, maxWaitMs: 5, maxInFlight: 1 });
    const lost = [event('lost 1'), event('lost 2')];
    const answers = await Promise.allSettled(lost.map((chat) => batcher.submit(item(chat))));
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    for (const chat of lost) expect(await recorded(chat.eventId)).toBe(0);
    expect(await commit(lost.map((chat) => item(chat)))).toEqual(['accepted', 'accepted']);
  });

  it('drops the bot own echoed posts and other channels at intake, recording nothing', async () => {
    const intake: IntakeDeps = {
      database,
      boss,
      repo: new PostgresIssueRepo(database.db),
      clock: systemClock,
      logger: silentLogger,
      supportChannel: CHANNEL,
      batcher: new IntakeBatcher(commit, undefined, (queued) => queued.key),
      self: { known: () => ({ userId: 'UBOT', botId: 'BBOT' }) },
    };
    const echo = event('Thanks, ticket 42 is open', undefined, 'UBOT');
    const elsewhere = { ...event('hello'), channel: 'C0OTHER' };
    expect(await acceptChatEvent(intake, { eventId: echo.eventId, event: echo })).toBe('ignored');
    expect(await acceptChatEvent(intake, { eventId: elsewhere.eventId, event: elsewhere })).toBe('ignored');
    expect(await recorded(echo.eventId)).toBe(0);
    expect(await recorded(elsewhere.eventId)).toBe(0);
    const person = event('help please');
    expect(await acceptChatEvent(intake, { eventId: person.eventId, event: person })).toBe('accepted');
    // Before the identity is known, an echo goes through; the workers ignore it then.
    const early = { ...intake, self: { known: () => undefined } };
    const echo2 = event('Thanks again', undefined, 'UBOT');
    expect(await acceptChatEvent(early, { eventId: echo2.eventId, event: echo2 })).toBe('accepted');
  });
});
