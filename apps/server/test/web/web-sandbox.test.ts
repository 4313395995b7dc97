import { afterEach, describe, expect, it } from 'vitest';
import { sandboxFixture } from './sandbox-fixture.ts';
import { Client, type WebTestApp, webTestApp } from './web-test-app.ts';

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

describe('sandbox page', () => {
  it('is not served without sandbox controls', async () => {
    t = await webTestApp();
    const client = new Client(t.app);
    await client.logIn();
    expect((await client.get('/sandbox')).statusCode).toBe(404);
    expect((await client.get('/')).body).not.toContain('href="/sandbox"');
  });

  it('posts messages, comments and emails through CSRF-checked forms and shows them escaped in the live panels', async () => {
    const fixture = sandboxFixture();
    t = await webTestApp({ sandbox: fixture.sandbox });
    const client = new Client(t.app);
    await client.logIn();
    const page = await client.get('/sandbox');
    expect(page.body).toContain('<script src="/static/sandbox.js" defer></script>');
    expect(page.body).toContain('No messages yet.');
    const token = Client.csrf(page.body);

    expect((await client.post('/sandbox/messages', { user: 'Alex', text: 'hi' })).statusCode).toBe(403);
    const posted = await client.post('/sandbox/messages', {
      _csrf: token,
      user: '<Mallory>',
      text: '<img src=x onerror=alert(1)>',
    });
    expect(posted.headers.location).toBe('/sandbox');
    const live = (await client.get('/sandbox/live')).body;
    expect(live).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(live).not.toContain('<img');
    expect(live).toContain('Reply as <span data-reply-as>&lt;Mallory&gt;</span>');
    const ticketId = fixture.tickets.tickets[0]?.id ?? '';
    expect(live).toContain(`data-ticket="${ticketId}"`);

    await client.post('/sandbox/comments', { _csrf: token, ticketId, body: 'On it', public: 'on' });
    await client.post('/sandbox/emails', {
      _csrf: token,
      from: 'c@example.com',
      subject: 'Mail subject',
      body: 'Body',
    });
    const after = (await client.get('/sandbox/live')).body;
    expect(after).toContain('On it');
    expect(after).toContain('Mail subject');

    const bad = await client.post('/sandbox/emails', {
      _csrf: token,
      from: 'not-an-email',
      subject: 's',
      body: 'b',
    });
    expect(bad.headers.location).toBe('/sandbox');
    expect((await client.get('/sandbox')).body).toContain('Fill in every field');
    expect(fixture.tickets.tickets).toHaveLength(2);

    await client.post('/sandbox/comments', { _csrf: token, ticketId: '999', body: 'lost', public: 'on' });
    expect((await client.get('/sandbox')).body).toContain('That did not work (NotFound)');
  });

  it('keeps the live panels identical while nothing changes (so the page does not redraw)', async () => {
    t = await webTestApp({ sandbox: sandboxFixture().sandbox });
    const client = new Client(t.app);
    await client.logIn();
    await client.get('/sandbox');
    const first = (await client.get('/sandbox/live')).body;
    expect((await client.get('/sandbox/live')).body).toBe(first);
  });
});
