// A `replay-dead-letters` run to be killed: replays the dead letters of the database at argv[2]
// and, on the third letter, stops for good inside its transaction (re-sent, not yet completed),
// telling the parent over IPC, which then SIGKILLs this process.
import { openDatabase } from '@zenslackchat/adapters-postgres';
import { silentLogger } from '@zenslackchat/core';
import { createBoss } from '../../src/jobs/create-boss.ts';
import { replayDeadLetters } from '../../src/jobs/replay-dead-letters.ts';

const url = process.argv[2] ?? '';
const database = await openDatabase({ url, poolMax: 2 });
const boss = createBoss({ database, url }, silentLogger, { schedule: false });
await boss.start();
const complete = boss.complete.bind(boss);
let calls = 0;
boss.complete = (async (...args: Parameters<typeof complete>) => {
  calls += 1;
  if (calls === 3) {
    process.send?.('stuck');
    await new Promise(() => {});
  }
  return complete(...args);
}) as typeof boss.complete;
await replayDeadLetters(database, boss, 100);
process.send?.('finished');
