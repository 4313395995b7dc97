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
    expect(run.stdout).toContain('create-admin --email E ');
    expect(run.stdout).not.toContain('--password');
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
      ['import-legacy'],
      'zenslackchat: import-legacy needs --from postgres://… (the original bot’s database)',
    ],
    [['create-admin'], 'zenslackchat: create-admin needs --email (or ADMIN_EMAIL)'],
    [
      ['create-admin', '--email', 'a@example.com', '--password', 'correct horse battery'],
      'zenslackchat: --password is not accepted: a password on the command line shows in the process list and the shell history; type it at the prompt or pipe it on standard input',
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

  it('create-admin reads the password from standard input, never from argv', async () => {
    const env = { DATA_DIR: join(dir, 'admins') };
    const run = await runEntry(
      'cli/main',
      ['create-admin', '--email', 'piped@example.com'],
      env,
      'a piped password 123\n',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).created).toBe('piped@example.com');
    const nothing = await runEntry('cli/main', ['create-admin', '--email', 'empty@example.com'], env);
    expect(nothing.code).toBe(1);
    expect(lines(nothing.stderr)).toEqual([
      'zenslackchat: the password (or ADMIN_PASSWORD) must be at least 12 characters',
    ]);
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
