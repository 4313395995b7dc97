import { afterEach, describe, expect, it } from 'vitest';
import { TEST_HASHER, weakerHash } from './test-hasher.ts';
import { Client, type WebTestApp, webTestApp } from './web-test-app.ts';

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

describe('password hashes made with weaker parameters', () => {
  it("are upgraded to the hasher's parameters at the next successful login, and only then", async () => {
    t = await webTestApp();
    const password = 'an older admin password';
    t.admins.addWithHash('old@example.com', weakerHash(password));
    const client = new Client(t.app);
    expect((await client.logIn('old@example.com', 'wrong password')).statusCode).toBe(401);
    expect((await t.admins.findByEmail('old@example.com'))?.passwordHash).toMatch(/^scrypt\$512\$/);
    expect((await client.logIn('old@example.com', password)).statusCode).toBe(303);
    const upgraded = (await t.admins.findByEmail('old@example.com'))?.passwordHash ?? '';
    expect(upgraded).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await TEST_HASHER.verify(password, upgraded)).toBe(true);
    expect((await new Client(t.app).logIn('old@example.com', password)).statusCode).toBe(303);
  });
});
