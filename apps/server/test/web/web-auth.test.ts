import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxControls } from '../../src/web/index.ts';
import { ADMIN, Client, type WebTestApp, webTestApp } from './web-test-app.ts';

const emptySandbox: SandboxControls = {
  maxFileBytes: 1024,
  file: async () => undefined,
  postChatMessage: async () => {},
  addAgentComment: async () => {},
  sendEmail: async () => {},
  snapshot: async () => ({ channel: 'C0SUPPORT', messages: [], tickets: [] }),
};

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

describe('web front without a session', () => {
  it('redirects every page and action to the login page', async () => {
    t = await webTestApp({ sandbox: emptySandbox });
    const pages = [
      '/',
      '/issues',
      '/issues?status=open',
      '/issues/issue-1/resolve',
      '/reports',
      '/sandbox',
      '/sandbox/live',
    ];
    for (const url of pages) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    const actions = [
      '/reports/post',
      '/issues/issue-1/resolve',
      '/sandbox/messages',
      '/sandbox/comments',
      '/sandbox/emails',
    ];
    for (const url of actions) {
      const response = await t.app.inject({ method: 'POST', url, payload: {} });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toMatch(/^\/login/);
    }
    expect(t.calls.reports).toBe(0);
  });

  it('puts adminRoutes (the OAuth start and callback routes) behind the session', async () => {
    t = await webTestApp({
      adminRoutes: async (scope) => {
        scope.get('/pagerduty/oauth/', async () => 'callback ran');
      },
    });
    const anonymous = await t.app.inject({ method: 'GET', url: '/pagerduty/oauth/?code=c&state=s' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login/);
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.get('/pagerduty/oauth/?code=c&state=s')).body).toBe('callback ran');
  });

  it('keeps its form parser, session and security headers to its own routes', async () => {
    t = await webTestApp({}, (app) => {
      app.post('/vendor/webhook/', async (request) => ({ body: request.body ?? null }));
    });
    const form = await t.app.inject({
      method: 'POST',
      url: '/vendor/webhook/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(form.statusCode).toBe(415);
    const json = await t.app.inject({ method: 'POST', url: '/vendor/webhook/', payload: { a: 1 } });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-security-policy']).toBeUndefined();
    expect(json.headers['set-cookie']).toBeUndefined();
  });

  it('serves the login page and the stylesheet with security headers', async () => {
    t = await webTestApp();
    const login = await t.app.inject({ method: 'GET', url: '/login' });
    expect(login.statusCode).toBe(200);
    expect(login.body).toContain('<label for="password">Password</label>');
    expect(login.body).toContain('name="viewport"');
    expect(login.headers['content-security-policy']).toContain("script-src 'self'");
    expect(login.headers['x-content-type-options']).toBe('nosniff');
    expect(login.headers['cache-control']).toBe('no-store');
    const css = await t.app.inject({ method: 'GET', url: '/static/web.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });
});

describe('login', () => {
  it('logs in with the right password into an HttpOnly SameSite=Lax session and back to the page asked for', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    const page = await client.get('/login?next=%2Freports');
    const response = await client.post('/login', {
      _csrf: Client.csrf(page.body),
      email: 'ADMIN@example.com',
      password: ADMIN.password,
      next: '/reports',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/reports');
    const cookie = response.cookies.find((c) => c.name === 'zsc_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const home = await client.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('OAuth integrations for Acme &lt;Support&gt;');
  });

  it('refuses a wrong password or unknown email with the same message, and never an outside redirect', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    const wrong = await client.logIn(ADMIN.email, 'nope');
    const unknown = await client.logIn('nobody@example.com', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('do not match an admin account');
    expect(unknown.body).toContain('do not match an admin account');
    expect((await client.get('/')).statusCode).toBe(303);
    const page = await client.get('/login');
    const evil = await client.post('/login', {
      _csrf: Client.csrf(page.body),
      email: ADMIN.email,
      password: ADMIN.password,
      next: '//evil.example/',
    });
    expect(evil.headers.location).toBe('/');
  });

  it('locks the client address after 5 failures, refuses even the right password, and lets it in after the lock', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    for (let i = 1; i <= 4; i += 1)
      expect((await client.logIn(ADMIN.email, `wrong-${i}`)).statusCode).toBe(401);
    const fifth = await client.logIn(ADMIN.email, 'wrong-5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.body).toContain('logins are paused');
    expect((await client.logIn()).statusCode).toBe(429);
    t.clock.advance(15 * 60_000 + 1);
    expect((await client.logIn()).statusCode).toBe(303);
  });

  it('rate-limits login posts per client', async () => {
    t = await webTestApp({ loginRateLimit: 3 });
    const client = new Client(t.app);
    const page = await client.get('/login');
    const token = Client.csrf(page.body);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await client.post('/login', { _csrf: token, email: 'x@example.com', password: 'x' })).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('logs out through a CSRF-protected form', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    const home = await client.get('/');
    const out = await client.post('/logout', { _csrf: Client.csrf(home.body) });
    expect(out.headers.location).toBe('/login');
    expect((await client.get('/')).statusCode).toBe(303);
  });

  it('ends a login after its lifetime, however active the session was', async () => {
    t = await webTestApp({ sessionTtlSeconds: 3600 });
    const client = new Client(t.app);
    await client.logIn();
    t.clock.advance(30 * 60_000);
    expect((await client.get('/')).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    const expired = await client.get('/reports');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe('/login?next=%2Freports');
    expect((await client.get('/login')).statusCode).toBe(200);
  });

  it('logs everyone out when the secret key changes', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.get('/')).statusCode).toBe(200);
    const other = await webTestApp({ secretKey: 'another secret key, also long enough' });
    const moved = new Client(other.app);
    for (const [name, value] of client.cookies) moved.cookies.set(name, value);
    expect((await moved.get('/')).statusCode).toBe(303);
    await other.app.close();
  });
});

describe('CSRF', () => {
  it('rejects a login post without a token', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.get('/login');
    const response = await client.post('/login', { email: ADMIN.email, password: ADMIN.password });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('form has expired');
    expect((await client.get('/')).statusCode).toBe(303);
  });

  it('rejects an admin action with a missing or forged token and does not run it', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.post('/reports/post', {})).statusCode).toBe(403);
    expect((await client.post('/reports/post', { _csrf: 'forged-token' })).statusCode).toBe(403);
    expect(t.calls.reports).toBe(0);
    const page = await client.get('/reports');
    expect((await client.post('/reports/post', { _csrf: Client.csrf(page.body) })).statusCode).toBe(303);
    expect(t.calls.reports).toBe(1);
  });

  it.each([
    ['/logout', {}],
    ['/reports/post', {}],
    ['/issues/issue-1/resolve', {}],
    ['/sandbox/messages', { user: 'Alex', text: 'hi' }],
    ['/sandbox/comments', { ticketId: '1', body: 'On it', public: 'on' }],
    ['/sandbox/emails', { from: 'c@example.com', subject: 's', body: 'b' }],
  ])('refuses a %s post with a missing or forged token and runs nothing', async (url, form) => {
    const ran: string[] = [];
    t = await webTestApp({
      sandbox: {
        ...emptySandbox,
        postChatMessage: async () => void ran.push('message'),
        addAgentComment: async () => void ran.push('comment'),
        sendEmail: async () => void ran.push('email'),
      },
    });
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.post(url, form)).statusCode).toBe(403);
    expect((await client.post(url, { ...form, _csrf: 'forged-token' })).statusCode).toBe(403);
    expect([ran, t.calls.reports, t.calls.resolved]).toEqual([[], 0, []]);
    expect((await client.get('/')).statusCode).toBe(200);
  });

  it('does not accept a token from another session', async () => {
    t = await webTestApp();
    const victim = new Client(t.app);
    await victim.logIn();
    const attacker = new Client(t.app);
    const attackerToken = Client.csrf((await attacker.get('/login')).body);
    expect((await victim.post('/reports/post', { _csrf: attackerToken })).statusCode).toBe(403);
    expect(t.calls.reports).toBe(0);
  });
});
