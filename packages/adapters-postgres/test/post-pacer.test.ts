import { postPacerContract } from '@zenslackchat/core/testing';
import { sql } from 'kysely';
import { openDatabase, PostgresPostPacer } from '../src/index.ts';
import { describeEachBackend } from './test-database.ts';

// The core's PostPacer contract; on Postgres the second pacer is another process's (its own pool).
describeEachBackend('post pacer', (get, backend) => {
  postPacerContract(`PostgresPostPacer on ${backend}`, async () => {
    await sql`DELETE FROM post_pace`.execute(get().db);
    const pacer = new PostgresPostPacer(get().db);
    const url = get().url;
    if (url === undefined) return { pacer };
    const other = await openDatabase({ url, poolMax: 4 });
    return { pacer, second: new PostgresPostPacer(other.db), close: () => other.close() };
  });
});
