import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresIssueRepo, type Schema } from '../src/index.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

const AT = new Date('2026-11-27T12:00:00Z');
const UNTIL = new Date('2026-11-27T12:02:00Z');

// The round trips behind recordCreatedTicket on Postgres (its behaviour is in the IssueRepo
// contract, on both backends).
describe('recordCreatedTicket on the wire', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(() => database?.close());
  const get = () => database;

  it('is one statement in the common case, without BEGIN or COMMIT', async () => {
    const statements: string[] = [];
    // The test database's pool seen through a Kysely that logs what it sends (not destroyed).
    const logged = new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: get().pool as NonNullable<ReturnType<typeof get>['pool']> }),
      log: (event) => {
        statements.push(event.query.sql);
      },
    });
    const repo = new PostgresIssueRepo(logged);
    const { issue } = await repo.claimThread({
      platform: 'slack',
      channel: 'C1',
      threadId: '1.0001',
      openedAt: AT,
    });
    await repo.beginDelivery({ key: 'ticket:1', kind: 'ticket', issueId: issue.id, sourceId: '1.0001' }, AT, {
      owner: 'run-a',
      until: UNTIL,
    });
    statements.length = 0;
    const record = {
      issueId: issue.id,
      ticketId: '42',
      summary: 'Printer on fire',
      commentCursor: '7',
      deliveryKey: 'ticket:1',
      owner: 'run-a',
    };
    await repo.recordCreatedTicket(record);
    expect(statements).toHaveLength(1);
    // A repeat is worked out step by step (idempotent): the one statement, then the transaction.
    statements.length = 0;
    await repo.recordCreatedTicket(record);
    const verbs = statements.map((text) => text.trim().split(/\s/)[0]?.toLowerCase());
    expect(verbs[0]).toBe('with');
    expect(verbs[1]).toBe('begin');
    expect(verbs.at(-1)).toBe('commit');
  });
});
