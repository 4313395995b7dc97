import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PostgresTokenStore, TokenDecryptionError } from '@zenslackchat/adapters-postgres';
import { TokenStore } from '@zenslackchat/core';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type RuntimeFlags } from '../src/config/index.ts';
import { buildServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';

const strong = () => randomBytes(32).toString('base64url');

function problemsOf(env: Record<string, string>, flags: RuntimeFlags = {}): string[] {
  try {
    loadConfig(env, flags);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('WEBAPP_SECRET_KEY and TOKEN_ENCRYPTION_KEY', () => {
  it.each(['WEBAPP_SECRET_KEY', 'TOKEN_ENCRYPTION_KEY'])(
    '%s refuses the .env.example placeholders, saying why',
    (name) => {
      for (const placeholder of [
        'change-me-to-50-random-characters',
        'change-me-to-another-long-random-string',
      ]) {
        const problems = problemsOf({ [name]: placeholder });
        expect(problems).toEqual([
          expect.stringMatching(new RegExp(`^${name}: is the placeholder from .env.example`)),
        ]);
      }
    },
  );

  it.each([
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'too little entropy'],
    ['abababababababababababababababababababab', 'too little entropy'],
    ['0123456789abcdef', 'shorter than 32 characters'],
  ])('refuses the low-entropy key %j (%s)', (key, why) => {
    for (const name of ['WEBAPP_SECRET_KEY', 'TOKEN_ENCRYPTION_KEY']) {
      expect(problemsOf({ [name]: key }).join('\n')).toMatch(new RegExp(`^${name}: (is|has) ${why}`));
    }
  });

  it('accepts 32 random bytes as base64 or hex', () => {
    const hex = randomBytes(32).toString('hex');
    const config = loadConfig({ WEBAPP_SECRET_KEY: strong(), TOKEN_ENCRYPTION_KEY: hex }, { role: 'web' });
    expect(config.tokenEncryptionKey).toBe(hex);
    expect(config.secretKeyGenerated).toBe(false);
  });

  it.each<[string, Record<string, string>, RuntimeFlags]>([
    ['NODE_ENV=production', { NODE_ENV: 'production' }, {}],
    ['--role web', {}, { role: 'web' }],
    ['--role worker', {}, { role: 'worker' }],
  ])('are both required in production (%s)', (_, env, flags) => {
    const problems = problemsOf(env, flags);
    expect(problems).toEqual([
      expect.stringMatching(/^WEBAPP_SECRET_KEY: required in production .*logs everyone out/),
      expect.stringMatching(
        /^TOKEN_ENCRYPTION_KEY: required in production .*unable to read the OAuth grants/,
      ),
    ]);
    expect(problemsOf({ ...env, WEBAPP_SECRET_KEY: strong() }, flags)).toEqual([
      expect.stringMatching(/^TOKEN_ENCRYPTION_KEY: required/),
    ]);
    expect(
      loadConfig({ ...env, WEBAPP_SECRET_KEY: strong(), TOKEN_ENCRYPTION_KEY: strong() }, flags).production,
    ).toBe(true);
  });

  it('makes random per-process keys only for local development and the sandbox', () => {
    const local = loadConfig({}, { role: 'all' });
    expect([local.production, local.secretKeyGenerated]).toEqual([false, true]);
    expect(local.notes.join('\n')).toContain('WEBAPP_SECRET_KEY is unset');
    const sandbox = loadConfig({ NODE_ENV: 'production' }, { role: 'all', sandbox: true });
    expect(sandbox.secretKeyGenerated).toBe(true);
  });

  it('stops the server process before it listens when --role web has no keys', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const run = promisify(execFile);
    const args = ['--disable-warning=ExperimentalWarning', '--conditions=@zenslackchat/source', main];
    const failure = await run(process.execPath, [...args, '--role', 'web'], {
      env: { PATH: process.env.PATH, DATA_DIR: 'memory://' },
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('WEBAPP_SECRET_KEY: required in production');
    expect(failure?.stderr).toContain('TOKEN_ENCRYPTION_KEY: required in production');
  });
});

describe('TOKEN_ENCRYPTION_OLD_KEYS', () => {
  it('keeps grants saved under an old key readable, and re-encrypts them under the new key on the next save', async () => {
    const oldKey = strong();
    const newKey = strong();
    const config = loadConfig({
      DATA_DIR: 'memory://',
      WEBAPP_SECRET_KEY: strong(),
      TOKEN_ENCRYPTION_KEY: newKey,
      TOKEN_ENCRYPTION_OLD_KEYS: ` ${strong()} , ${oldKey} `,
    });
    const server = await buildServer(config, { role: 'worker', logStream: logCapture().stream });
    try {
      const db = server.database.db;
      const grant = {
        provider: 'slack',
        account: 'T1',
        accessToken: 'xoxb-secret',
        scopes: ['chat:write'],
        metadata: {},
        updatedAt: new Date('2026-01-01T00:00:00Z'),
      };
      await new PostgresTokenStore(db, { encryptionKey: oldKey }).save(grant);
      const tokens = server.container.resolve<TokenStore>(TokenStore);
      expect((await tokens.get('slack', 'T1'))?.accessToken).toBe('xoxb-secret');
      await tokens.save({ ...grant, updatedAt: new Date('2026-01-02T00:00:00Z') });
      const oldOnly = new PostgresTokenStore(db, { encryptionKey: oldKey });
      await expect(oldOnly.get('slack', 'T1')).rejects.toBeInstanceOf(TokenDecryptionError);
      expect(
        (await new PostgresTokenStore(db, { encryptionKey: newKey }).get('slack', 'T1'))?.accessToken,
      ).toBe('xoxb-secret');
    } finally {
      await server.stop();
    }
  });

  it('is untouched by a new WEBAPP_SECRET_KEY when TOKEN_ENCRYPTION_KEY is set (grants stay readable)', () => {
    const tokenKey = strong();
    const before = loadConfig({ WEBAPP_SECRET_KEY: strong(), TOKEN_ENCRYPTION_KEY: tokenKey });
    const after = loadConfig({ WEBAPP_SECRET_KEY: strong(), TOKEN_ENCRYPTION_KEY: tokenKey });
    expect(after.secretKey).not.toBe(before.secretKey);
    expect(after.tokenEncryptionKey).toBe(before.tokenEncryptionKey);
  });

  it('refuses an old key shorter than 16 characters', () => {
    expect(problemsOf({ TOKEN_ENCRYPTION_OLD_KEYS: 'short' }).join('\n')).toContain(
      'TOKEN_ENCRYPTION_OLD_KEYS',
    );
  });
});
