import { IntegrationError } from '@zenslackchat/core';
import { CompiledQuery, sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { PostgresIssueRepo, recordingInboundEvents } from '../src/index.ts';
import { describeEachBackend } from './test-database.ts';

const AT = new Date('2026-11-27T12:00:00Z');

/** A statement of the shape pg-boss's job insert has: one parameter, a JSON array of rows with ids. */
const INSERT_ROWS = `INSERT INTO recording_rows (id, body)
  SELECT id, body FROM json_to_recordset($1::text::json) AS x(id text, body text)
  RETURNING id`;

// The intake's one-statement record of inbound ids with the jobs they enqueue, on each backend.
describeEachBackend('recordingInboundEvents', (get) => {
  beforeEach(async () => {
    await get().reset();
    await sql`create table if not exists recording_rows (id text primary key, body text)`.execute(get().db);
    await sql`truncate recording_rows`.execute(get().db);
  });

  const run = async (rows: { id: string; body: string }[], keyed: { rowId: string; eventId: string }[]) => {
    const statement = recordingInboundEvents(
      { text: INSERT_ROWS, values: [JSON.stringify(rows)] },
      keyed.map((entry) => ({ ...entry, source: 'slack' })),
      AT,
    );
    const result = await get().db.executeQuery<{ id: string }>(
      CompiledQuery.raw(statement.text, [...statement.values]),
    );
    return result.rows.map((row) => row.id).sort();
  };

  it('writes the rows of events recorded just now and of no event; an id seen before writes nothing', async () => {
    const repo = new PostgresIssueRepo(get().db);
    expect(await repo.recordInboundEvent('slack', 'Ev1', AT)).toBe(true);
    const written = await run(
      [
        { id: 'r1', body: 'seen before' },
        { id: 'r2', body: 'new' },
        { id: 'r3', body: 'no event id' },
      ],
      [
        { rowId: 'r1', eventId: 'Ev1' },
        { rowId: 'r2', eventId: 'Ev2' },
      ],
    );
    expect(written).toEqual(['r2', 'r3']);
    expect(await repo.recordInboundEvent('slack', 'Ev2', AT)).toBe(false);
    // Again: both events are known now, so only the row without one is written.
    expect(
      await run(
        [
          { id: 'r4', body: 'again' },
          { id: 'r5', body: 'free' },
        ],
        [{ rowId: 'r4', eventId: 'Ev2' }],
      ),
    ).toEqual(['r5']);
  });

  it('records nothing when the statement fails', async () => {
    await sql`insert into recording_rows (id, body) values ('taken', 'x')`.execute(get().db);
    await expect(
      run([{ id: 'taken', body: 'clash' }], [{ rowId: 'taken', eventId: 'EvGone' }]),
    ).rejects.toThrow();
    expect(await new PostgresIssueRepo(get().db).recordInboundEvent('slack', 'EvGone', AT)).toBe(true);
  });

  it('refuses, as Invalid and before running anything, a statement of another shape or a repeated event', () => {
    const invalid =
      (statement: { text: string; values: unknown[] }, keyed = [{ rowId: 'r', source: 's', eventId: 'e' }]) =>
      () =>
        recordingInboundEvents(statement, keyed, AT);
    for (const statement of [
      { text: 'INSERT INTO t VALUES ($1, $2)', values: ['a', 'b'] },
      { text: 'INSERT INTO t SELECT * FROM json_to_recordset($2::json)', values: ['a'] },
      { text: 'INSERT INTO t VALUES (1)', values: [] },
    ]) {
      expect(invalid(statement)).toThrow(IntegrationError);
    }
    expect(
      invalid({ text: INSERT_ROWS, values: ['[]'] }, [
        { rowId: 'a', source: 'slack', eventId: 'Ev' },
        { rowId: 'b', source: 'slack', eventId: 'Ev' },
      ]),
    ).toThrow(/one row only/);
    expect(
      invalid({ text: INSERT_ROWS, values: ['[]'] }, [
        { rowId: 'a', source: 'slack', eventId: 'x'.repeat(513) },
      ]),
    ).toThrow(/at most 512/);
  });
});
