import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lines, runEntry } from './run-entry.ts';

// Each test spawns a Node process (PGlite start-up on a busy machine can take tens of seconds).
vi.setConfig({ testTimeout: 120_000 });

// The CLI's command line, through the real entry point (pnpm zenslackchat's).

describe('the CLI entry point', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zsc-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([[[]], [['--help']], [['migrate', '--help']]])('%j prints the usage and exits 0', async (args) => {
    const run = await runEntry('cli/main', args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: pnpm zenslackchat <command>/);
    expect(run.stdout).toContain('create-admin --email E --password P');
  });

  it.each([
    [['launch'], 'zenslackchat: unknown command "launch"'],
    [['--force'], 'zenslackchat: a command comes first, not "--force"'],
    [['migrate', '--force'], "zenslackchat: Unknown option '--force'"],
    [['migrate', 'now'], "zenslackchat: Unexpected argument 'now'"],
    [
      ['replay-dead-letters', '--limit', 'lots'],
      'zenslackchat: --limit must be a whole number from 1 to 10000',
    ],
    [
      ['create-admin'],
      'zenslackchat: create-admin needs --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD)',
    ],
    [
      ['create-admin', '--email', 'a@example.com'],
      'zenslackchat: create-admin needs --password (or ADMIN_EMAIL and ADMIN_PASSWORD)',
    ],
  ])('%j: one line naming the problem, then the usage, exit 2', async (args, first) => {
    const run = await runEntry('cli/main', args, { DATA_DIR: join(dir, 'unused') });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)[0]).toBe(first);
    expect(lines(run.stderr)[1]).toMatch(/^Usage: pnpm zenslackchat/);
    expect(run.stdout).toBe('');
  });

  it('migrate answers with JSON only: no build banner, no log lines before it', async () => {
    const run = await runEntry('cli/main', ['migrate'], { DATA_DIR: join(dir, 'db') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).applied).toContain('0001_issues');
  });

  it('a database problem is one line, not a stack', async () => {
    const run = await runEntry('cli/main', ['migrate'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zsc_cli_no_such_database',
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'zenslackchat: database (DATABASE_URL): database "zsc_cli_no_such_database" does not exist',
    ]);
  });
});
