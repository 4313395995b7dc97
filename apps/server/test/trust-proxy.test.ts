import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';
import { Client } from './web/web-test-app.ts';

const PROXY = '127.0.0.1';
const OUTSIDER = '203.0.113.9';

describe('a server behind a TLS proxy (TRUST_PROXY=loopback)', () => {
  let server: ZenServer;

  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: 'memory://',
      WEBAPP_SECRET_KEY: 'bI14EIxIlgei6ih2TZMUJxxWE7K49G86ko2pgiWljRM',
      TRUST_PROXY: 'loopback',
    });
    server = await buildServer(config, { role: 'web', logStream: logCapture().stream });
    await server.app.ready();
  });
  afterAll(() => server?.stop());

  const loginPage = (remoteAddress: string) =>
    server.app.inject({
      url: '/login',
      remoteAddress,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' },
    });
  const postLogin = (client: string, remoteAddress = PROXY) =>
    server.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress,
      headers: { 'x-forwarded-for': client, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40example.com&password=x',
    });

  it('sets Secure cookies for https seen by the trusted proxy, not for a header from anyone else', async () => {
    const proxied = await loginPage(PROXY);
    expect(proxied.cookies.length).toBeGreaterThan(0);
    expect(proxied.cookies.every((cookie) => cookie.secure === true)).toBe(true);
    const direct = await loginPage(OUTSIDER);
    expect(direct.cookies.length).toBeGreaterThan(0);
    expect(direct.cookies.some((cookie) => cookie.secure === true)).toBe(false);
  });

  it('sends HSTS only over https (as seen through the trusted proxy), never over plain http', async () => {
    expect((await loginPage(PROXY)).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await loginPage(OUTSIDER)).headers['strict-transport-security']).toBeUndefined();
    const plain = await server.app.inject({ url: '/login', remoteAddress: PROXY });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('rate-limits logins per forwarded client address, not per proxy', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      statuses.push((await postLogin('198.51.100.20')).statusCode);
    expect(statuses.slice(0, 10)).not.toContain(429);
    expect(statuses[10]).toBe(429);
    expect((await postLogin('198.51.100.21')).statusCode).not.toBe(429);
  });

  it('does not let a client pick its address with X-Forwarded-For, directly or through the proxy', async () => {
    const direct: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      direct.push((await postLogin(`192.0.2.${attempt}`, '203.0.113.50')).statusCode);
    expect(direct[10]).toBe(429);
    // Through the proxy, a client-written X-Forwarded-For is to the left of what the proxy appended.
    const proxied: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      proxied.push((await postLogin(`192.0.2.${attempt}, 198.51.100.30`)).statusCode);
    expect(proxied[10]).toBe(429);
  });

  it('locks a client that rotates a spoofed X-Forwarded-For after 5 failed logins, on its real address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const client = new Client(server.app, '203.0.113.77');
      const page = await client.request({
        url: '/login',
        headers: { 'x-forwarded-for': `192.0.2.${attempt}` },
      });
      const response = await client.request({
        method: 'POST',
        url: '/login',
        headers: {
          'x-forwarded-for': `192.0.2.${attempt}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({
          _csrf: Client.csrf(page.body),
          email: `nobody${attempt}@example.com`,
          password: 'x',
        }).toString(),
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('TRUST_PROXY=1 (trust every hop)', () => {
  it('is refused: the server does not start', () => {
    expect(() => loadConfig({ DATA_DIR: 'memory://', TRUST_PROXY: '1' })).toThrow(
      /TRUST_PROXY: trusting every hop lets any client pick its own address/,
    );
  });
});

describe('a server behind a proxy without TRUST_PROXY', () => {
  const keys = {
    WEBAPP_SECRET_KEY: 'bI14EIxIlgei6ih2TZMUJxxWE7K49G86ko2pgiWljRM',
    TOKEN_ENCRYPTION_KEY: 'VqN3o8s1Rk2xY7bT4mW9cZ0dF5gH6jL-pQ_aE3uI8nC',
  };

  it('warns at start-up in production, and once when a request carries X-Forwarded-For', async () => {
    const logs = logCapture();
    const config = loadConfig({ DATA_DIR: 'memory://', NODE_ENV: 'production', ...keys });
    const server = await buildServer(config, { role: 'web', logStream: logs.stream });
    try {
      const messages = () => logs.records().map((record) => String(record.message));
      expect(messages().filter((m) => m.startsWith('TRUST_PROXY is unset'))).toHaveLength(1);
      for (let i = 0; i < 3; i += 1) {
        await server.app.inject({
          url: '/login',
          remoteAddress: PROXY,
          headers: { 'x-forwarded-for': OUTSIDER },
        });
      }
      expect(messages().filter((m) => m.startsWith('a request came with X-Forwarded-For'))).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
