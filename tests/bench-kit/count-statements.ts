import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Loaded into the server process with `node --import` by the bench (never by the server itself):
// counts every round trip the process makes to Postgres, by wrapping `pg`'s Client.query in each
// copy of `pg` the server and pg-boss load, and writes the counts to $ZSC_COUNT_FILE every 100 ms.
// pg-boss's statements name its schema (`pgboss.`); BEGIN/COMMIT/ROLLBACK are transaction control.

interface Counts {
  app: number;
  pgBoss: number;
  transaction: number;
  /** Per statement (whitespace folded, its first 100 characters): how many times it ran. */
  byText: Record<string, number>;
}
const counts: Counts = { app: 0, pgBoss: 0, transaction: 0, byText: {} };
const file = process.env.ZSC_COUNT_FILE;
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (typeof query === 'object' && query !== null && 'text' in query) return String(query.text);
  return '';
}

const patched = new Set<unknown>();
function patch(from: string, id: string): void {
  let pg: { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  try {
    pg = createRequire(from)(id);
  } catch {
    return;
  }
  const proto = pg.Client.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = textOf(args[0]).trimStart();
    if (text.includes('pgboss.')) counts.pgBoss += 1;
    else if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(text)) counts.transaction += 1;
    else counts.app += 1;
    const key = text.replace(/\s+/g, ' ').slice(0, 100);
    counts.byText[key] = (counts.byText[key] ?? 0) + 1;
    return query.apply(this, args);
  };
}

const server = join(root, 'apps/server/package.json');
patch(server, 'pg');
patch(join(root, 'packages/adapters-postgres/package.json'), 'pg');
try {
  patch(createRequire(server).resolve('pg-boss'), 'pg');
} catch {
  // pg-boss not resolvable from here: its statements go through the copies above.
}

if (file !== undefined) {
  let last = '';
  const write = () => {
    const json = JSON.stringify(counts);
    if (json !== last) writeFileSync(file, json);
    last = json;
  };
  setInterval(write, 100).unref();
  process.on('exit', write);
}
