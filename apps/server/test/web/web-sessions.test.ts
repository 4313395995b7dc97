import secureSession from '@fastify/secure-session';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveSessionKey } from '../../src/web/index.ts';
import { ADMIN, Client, type WebTestApp, webTestApp } from './web-test-app.ts';

const SECRET = 'a test secret key that is long enough';

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

/** A session cookie made with the real key by someone who knows it, carrying whatever they like. */
async function forgeCookie(data: Record<string, unknown>): Promise<string> {
  const forger = Fastify({ logger: false });
  await forger.register(secureSession, { key: deriveSessionKey(SECRET), cookieName: 'zsc_session' });
  forger.get('/', async (request) => {
    for (const [key, value] of Object.entries(data)) request.session.set(key as 'sid', value as string);
    return 'ok';
  });
  const response = await forger.inject({ method: 'GET', url: '/' });
  await forger.close();
  const cookie = response.cookies.find((c) => c.name === 'zsc_session');
  if (cookie === undefined) throw new Error('no cookie forged');
  return cookie.value;
}

const copy = (from: Client, to: Client) => {
  for (const [name, value] of from.cookies) to.cookies.set(name, value);
};

describe('server-side sessions', () => {
  it('refuses a cookie forged with the key for an admin that does not exist, or with an invented session id', async () => {
    t = await webTestApp();
    const since = t.clock.now().getTime();
    for (const data of [
      { admin: { id: 'admin-404', email: 'ghost@example.com', since } },
      { admin: { id: 'admin-1', email: ADMIN.email, since } },
      { sid: 'A'.repeat(43) },
    ]) {
      const forged = new Client(t.app);
      forged.cookies.set('zsc_session', await forgeCookie(data));
      const response = await forged.get('/');
      expect(response.statusCode, JSON.stringify(data)).toBe(303);
      expect(response.headers.location).toBe('/login?next=%2F');
    }
  });

  it('refuses a cookie saved before logout when it is replayed after', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    const saved = new Client(t.app);
    copy(client, saved);
    expect((await saved.get('/')).statusCode).toBe(200);
    const home = await client.get('/');
    expect((await client.post('/logout', { _csrf: Client.csrf(home.body) })).statusCode).toBe(303);
    expect(t.sessions.size).toBe(0);
    const replayed = await saved.get('/');
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toBe('/login?next=%2F');
  });

  it('ends a session when its admin is deleted', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.get('/')).statusCode).toBe(200);
    t.admins.remove(ADMIN.email);
    expect((await client.get('/')).statusCode).toBe(303);
  });

  it('ends every session of the admin with "log out everywhere", and no one else\'s', async () => {
    t = await webTestApp();
    await t.admins.add('other@example.com', 'another long password');
    const laptop = new Client(t.app);
    const phone = new Client(t.app);
    const colleague = new Client(t.app);
    await laptop.logIn();
    await phone.logIn();
    await colleague.logIn('other@example.com', 'another long password');
    const page = await laptop.get('/');
    expect(page.body).toContain('action="/logout"');
    const out = await laptop.post('/logout/everywhere', { _csrf: Client.csrf(page.body) });
    expect(out.headers.location).toBe('/login');
    expect((await laptop.get('/')).statusCode).toBe(303);
    expect((await phone.get('/')).statusCode).toBe(303);
    expect((await colleague.get('/')).statusCode).toBe(200);
  });

  it('needs the CSRF token to log out everywhere', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.post('/logout/everywhere', { _csrf: 'forged' })).statusCode).toBe(403);
    expect((await client.get('/')).statusCode).toBe(200);
  });
});
