import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { hostGuard } from '../src/http/host-guard.ts';

describe('hostGuard (PAAS_FQDN)', () => {
  it('serves the allowed hosts, refuses others, and lets probes through from anywhere', async () => {
    const app = Fastify();
    await hostGuard(app, { allowed: ['bot.example.com', 'localhost'] });
    app.get('/', async () => 'home');
    app.get('/healthz', async () => 'ok');
    const get = (url: string, host: string) => app.inject({ url, headers: { host } });
    expect((await get('/', 'bot.example.com')).statusCode).toBe(200);
    expect((await get('/', 'BOT.example.com:443')).statusCode).toBe(200);
    expect((await get('/', 'localhost:8000')).statusCode).toBe(200);
    const refused = await get('/', 'evil.example.net');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'bad_host' });
    expect((await get('/healthz', '10.0.0.7:8000')).statusCode).toBe(200);
    await app.close();
  });
});
