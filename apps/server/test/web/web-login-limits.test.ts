import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, Client, type WebTestApp, webTestApp } from './web-test-app.ts';

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

/** Status and message of each attempt (the page without its per-request CSRF token and echoed email). */
async function attempts(client: Client, email: string, passwords: readonly string[]) {
  const seen: string[] = [];
  for (const password of passwords) {
    const response = await client.logIn(email, password);
    const message = /<p class="error"[^>]*>([^<]*)</.exec(response.body)?.[1] ?? response.headers.location;
    seen.push(`${response.statusCode} ${message}`);
  }
  return seen;
}

const WRONG = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];

describe('the login limit', () => {
  it('treats an unknown email exactly like a known one: same answers, same lockout', async () => {
    t = await webTestApp();
    const known = await attempts(new Client(t.app, '198.51.100.1'), ADMIN.email, WRONG);
    const unknown = await attempts(new Client(t.app, '198.51.100.2'), 'nobody@example.com', WRONG);
    expect(known).toEqual(unknown);
    expect(known.map((line) => line.slice(0, 3))).toEqual(['401', '401', '401', '401', '429', '429']);
    expect(known[4]).toContain('logins are paused');
  });

  it('does not let one address lock the admin out', async () => {
    t = await webTestApp();
    const attacker = new Client(t.app, '203.0.113.66');
    await attempts(attacker, ADMIN.email, [...WRONG, ...WRONG]);
    expect((await attacker.logIn()).statusCode).toBe(429);
    expect((await new Client(t.app, '198.51.100.10').logIn()).statusCode).toBe(303);
  });

  it.each([ADMIN.email, 'nobody@example.com'])(
    'locks the email %s after 20 failures from many addresses, for every address',
    async (email) => {
      t = await webTestApp();
      for (let n = 0; n < 4; n += 1) {
        const statuses = await attempts(new Client(t.app, `203.0.113.${n}`), email, WRONG.slice(0, 5));
        expect(statuses.at(-1)?.slice(0, 3)).toBe('429');
      }
      const fresh = await new Client(t.app, '198.51.100.99').logIn(
        email,
        email === ADMIN.email ? ADMIN.password : 'x',
      );
      expect(fresh.statusCode).toBe(429);
      expect((await new Client(t.app, '198.51.100.98').logIn('other@example.com', 'x')).statusCode).toBe(401);
      t.clock.advance(15 * 60_000 + 1);
      if (email === ADMIN.email)
        expect((await new Client(t.app, '198.51.100.97').logIn()).statusCode).toBe(303);
    },
  );

  it('forgets the failures of an address and an email after a successful login', async () => {
    t = await webTestApp();
    const client = new Client(t.app, '198.51.100.5');
    await attempts(client, ADMIN.email, WRONG.slice(0, 4));
    expect((await client.logIn()).statusCode).toBe(303);
    expect(await attempts(new Client(t.app, '198.51.100.5'), ADMIN.email, WRONG.slice(0, 4))).not.toContain(
      expect.stringMatching(/^429/),
    );
  });
});
