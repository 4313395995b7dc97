import { silentLogger } from '@zenslackchat/core';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { createLogger, logFormat } from '../src/logging/create-logger.ts';
import { RequestLogController } from '../src/logging/request-log-controller.ts';
import { logStartup } from '../src/server/startup-log.ts';
import { logCapture } from './support/log-capture.ts';

const SENSITIVE = {
  text: 'my laptop password is hunter2',
  email: 'alice@example.com',
  token: 'xoxb-very-secret',
  event: { text: 'nested words', user: { email: 'bob@example.com' } },
  req: { headers: { authorization: 'Bearer abc', cookie: 'session=1', 'x-slack-signature': 'v0=123' } },
  config: { clientSecret: 'cs-1', apiToken: 'api-1', password: 'pw-1' },
};

describe('the logger', () => {
  it('writes ECS JSON and never writes secrets, message text or e-mails at the default level', () => {
    const logs = logCapture();
    const logger = createLogger({ ecs: true, debug: false }, logs.stream);
    logger.info(SENSITIVE, 'event received');
    logger.debug({ detail: 'hidden' }, 'debug line');
    const [record] = logs.records();
    expect(record).toMatchObject({
      'log.level': 'info',
      message: 'event received',
      'ecs.version': expect.any(String),
    });
    for (const value of [
      'hunter2',
      'alice@',
      'bob@',
      'nested words',
      'xoxb-very',
      'Bearer',
      'session=1',
      'v0=123',
      'cs-1',
      'api-1',
      'pw-1',
    ]) {
      expect(logs.text()).not.toContain(value);
    }
    expect(logs.text()).not.toContain('debug line');
  });

  it('lets event details through with DEBUG_ENABLED, still redacting secrets and auth headers', () => {
    const logs = logCapture();
    const logger = createLogger({ ecs: true, debug: true }, logs.stream);
    logger.debug(SENSITIVE, 'event received');
    expect(logs.text()).toContain('hunter2');
    expect(logs.text()).toContain('alice@example.com');
    for (const value of ['xoxb-very', 'Bearer', 'session=1', 'v0=123', 'cs-1', 'api-1', 'pw-1']) {
      expect(logs.text()).not.toContain(value);
    }
  });

  it('warns at start-up when DEBUG_ENABLED is on and names ignored variables', () => {
    const logs = logCapture();
    const logger = createLogger({ ecs: true, debug: false }, logs.stream);
    logStartup(loadConfig({ DEBUG_ENABLED: '1', REDIS_URL: 'redis://localhost/' }), logger, 'all');
    const warnings = logs
      .records()
      .filter((r) => r['log.level'] === 'warn')
      .map((r) => String(r.message));
    expect(warnings[0]).toMatch(/^DEBUG_ENABLED is on/);
    expect(warnings.some((w) => w.startsWith('REDIS_URL is set but ignored'))).toBe(true);
    logStartup(loadConfig({}), silentLogger, 'all');
  });
});

describe('request log lines', () => {
  it('name the method, path, status and duration, never the response headers', async () => {
    const logs = logCapture();
    const app = Fastify({
      loggerInstance: createLogger({ ecs: true, debug: false }, logs.stream) as FastifyBaseLogger,
      logController: new RequestLogController(),
    });
    app.get('/issues', (_request, reply) =>
      reply.header('set-cookie', 'session=secret').header('x-custom', 'header-value').send('ok'),
    );
    app.get('/broken', () => {
      throw new Error('boom');
    });
    await app.inject({ method: 'GET', url: '/issues?q=code' });
    await app.inject({ method: 'GET', url: '/broken' });
    await app.close();
    const completed = logs.records().filter((r) => r.message === 'request completed');
    expect(completed[0]).toMatchObject({
      'http.request.method': 'GET',
      'url.path': '/issues',
      'http.response.status_code': 200,
      'event.duration': expect.any(Number),
    });
    expect(logs.records().find((r) => r.message === 'boom')).toMatchObject({
      'http.response.status_code': 500,
      'url.path': '/broken',
    });
    expect(logs.text()).not.toContain('header-value');
    expect(logs.text()).not.toContain('session=secret');
    expect(logs.text()).not.toContain('q=code');
  });
});

describe('the log format', () => {
  it('is ECS JSON in production, readable lines on a development terminal, JSON to a pipe', () => {
    const keys = {
      WEBAPP_SECRET_KEY: 'kq3Vt8ZpL2xR9wYc5NfB7hJd4MsG6aE1',
      TOKEN_ENCRYPTION_KEY: 'Zp4Lq8Vt2xR9wYc5NfB7hJd4MsG6aE1k',
    };
    expect(logFormat(loadConfig({ NODE_ENV: 'production', ...keys }).logging.ecs, true)).toBe('ecs');
    expect(logFormat(loadConfig({}).logging.ecs, true)).toBe('lines');
    expect(logFormat(loadConfig({}).logging.ecs, false)).toBe('ecs');
    expect(logFormat(loadConfig({ DISABLE_ECS_LOG_FORMAT: '1' }).logging.ecs, false)).toBe('lines');
  });
});
