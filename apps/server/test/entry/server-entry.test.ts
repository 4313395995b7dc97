import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, lines, runEntry } from './run-entry.ts';

// Each test spawns a Node process (PGlite start-up on a busy machine can take tens of seconds).
vi.setConfig({ testTimeout: 120_000 });

// The server's command line and start-up failures, through the real entry point (pnpm start's).

const STACK_LINE = /^\s+at /m;

describe('the server entry point', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zsc-entry-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('--help prints the usage and exits 0 without starting', async () => {
    const run = await runEntry('main', ['--help'], { DATA_DIR: join(dir, 'help') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: pnpm start/);
    expect(run.stdout).toContain('--role all|web|worker');
    expect(existsSync(join(dir, 'help'))).toBe(false);
  });

  it.each([
    [['--bogus'], "zenslackchat: Unknown option '--bogus'"],
    [['stray'], "zenslackchat: Unexpected argument 'stray'"],
    [['--role', 'boss'], 'zenslackchat: --role must be one of web, worker, all, not "boss"'],
  ])('%j: one line naming the problem, then the usage, exit 2', async (args, first) => {
    const run = await runEntry('main', args, { DATA_DIR: join(dir, 'args') });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)[0]).toBe(first);
    expect(lines(run.stderr)[1]).toMatch(/^Usage: pnpm start/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('a port in use is found before the database is opened', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const dataDir = join(dir, 'busy');
      const run = await runEntry('main', [], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        `zenslackchat cannot start: port ${port} on 127.0.0.1 is in use: stop what runs there or set PORT`,
      ]);
      expect(existsSync(dataDir)).toBe(false);
      expect(run.stdout).not.toContain('database migrated');
    } finally {
      holder.close();
    }
  });

  it('a database that does not exist is one line naming it', async () => {
    const run = await runEntry('main', [], {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zsc_no_such_database',
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'zenslackchat cannot start: database (DATABASE_URL): database "zsc_no_such_database" does not exist',
    ]);
  });

  it('a refused connection is one line naming the host and port', async () => {
    const port = await freePort();
    const run = await runEntry('main', [], {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x`,
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `zenslackchat cannot start: database (DATABASE_URL): connection refused at 127.0.0.1:${port}`,
    ]);
  });
});
