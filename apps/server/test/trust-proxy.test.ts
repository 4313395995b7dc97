import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';

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
  const postLogin = (client: string) =>
    server.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: PROXY,
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

  it('rate-limits logins per forwarded client address, not per proxy', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      statuses.push((await postLogin('198.51.100.20')).statusCode);
    expect(statuses.slice(0, 10)).not.toContain(429);
    expect(statuses[10]).toBe(429);
    expect((await postLogin('198.51.100.21')).statusCode).not.toBe(429);
  });
});
