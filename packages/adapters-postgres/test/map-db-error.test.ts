import { type CoreError, IntegrationError, isIntegrationError } from '@zenslackchat/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { mapDbError, openDatabase, PostgresAdapterError, TokenDecryptionError } from '../src/index.ts';

const withCode = (code: string, message = 'db said no') => Object.assign(new Error(message), { code });

function mapped(error: unknown): { reason: string; retryable: boolean; integration: string | undefined } {
  const result = mapDbError(error);
  if (!isIntegrationError(result)) throw new Error('not mapped');
  return { reason: result.reason, retryable: result.retryable, integration: result.integration };
}

describe('mapDbError', () => {
  it.each([
    ['23505', 'Conflict', false],
    ['40001', 'Conflict', true],
    ['40P01', 'Conflict', true],
    ['55P03', 'Conflict', true],
    ['57P01', 'Unavailable', true],
    ['57014', 'Unavailable', true],
    ['08006', 'Unavailable', true],
    ['53300', 'Unavailable', true],
    ['23502', 'Invalid', false],
    ['22P02', 'Invalid', false],
    ['42P01', 'Invalid', false],
  ])('maps SQLSTATE %s to %s (retryable %s)', (code, reason, retryable) => {
    expect(mapped(withCode(code))).toEqual({ reason, retryable, integration: 'postgres' });
  });

  it.each([
    [withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')],
    [new Error('Connection terminated unexpectedly')],
    [new Error('timeout exceeded when trying to connect')],
    [new Error('PGlite is closed')],
  ])('maps a lost connection to retryable Unavailable: %s', (error) => {
    expect(mapped(error)).toMatchObject({ reason: 'Unavailable', retryable: true });
  });

  it('reads the SQLSTATE of a wrapped cause (Kysely wraps an aborted transaction)', () => {
    const wrapped = new Error('transaction aborted', { cause: withCode('25P02') });
    expect(mapped(wrapped)).toMatchObject({ reason: 'Conflict', retryable: true });
  });

  it('keeps the original error as the cause and passes its own errors through', () => {
    const original = withCode('23505');
    expect((mapDbError(original) as CoreError).cause).toBe(original);
    const integration = new IntegrationError('NotFound', 'gone');
    expect(mapDbError(integration)).toBe(integration);
    const own = new TokenDecryptionError('bad key');
    expect(mapDbError(own)).toBe(own);
  });

  it('reports an unreachable server as retryable Unavailable', async () => {
    const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      await expect(
        database.db.selectFrom('issues').selectAll().execute().catch(mapDbError),
      ).resolves.toMatchObject({
        reason: 'Unavailable',
        retryable: true,
      });
      await expect(database.ping()).rejects.toMatchObject({ reason: 'Unavailable', retryable: true });
    } finally {
      await database.close();
    }
  });

  it('turns a statement over the configured time limit into retryable Unavailable', async () => {
    const database = await openDatabase({
      url: process.env.ZSC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      statementTimeoutMs: 50,
    });
    try {
      const error = await sql`select pg_sleep(1)`.execute(database.db).catch(mapDbError);
      expect(error).toMatchObject({ reason: 'Unavailable', retryable: true });
    } finally {
      await database.close();
    }
  });

  it('refuses a database url that is not postgres', async () => {
    await expect(openDatabase({ url: 'mysql://x' })).rejects.toBeInstanceOf(PostgresAdapterError);
  });
});
