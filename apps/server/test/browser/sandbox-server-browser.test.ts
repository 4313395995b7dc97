import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminUserStore } from '@zenslackchat/adapters-postgres';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { ServerTokens } from '../../src/container/tokens.ts';
import { buildServer, type ZenServer } from '../../src/server/build-server.ts';
import { hashPassword } from '../../src/web/index.ts';
import { databaseEnv, TEST_TUNING } from '../support/e2e-harness.ts';
import { logCapture } from '../support/log-capture.ts';
import { ADMIN } from '../web/web-test-app.ts';
import { hasChromium, launchChromium, screenshot } from './chromium.ts';

/** A valid 1×1 PNG (68 bytes), so the preview really renders. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * The whole server in sandbox mode (`buildServer(config, { sandbox: true })`) on Postgres: the
 * sandbox page drives the real durable intake, job queue and core, and the page updates live.
 */
describe.skipIf(!hasChromium)('sandbox on the real server, in Chromium', { timeout: 90_000 }, () => {
  let server: ZenServer;
  let drop: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let sandboxDir: string;

  beforeAll(async () => {
    const db = await databaseEnv('postgres', 'zsc_websandbox');
    drop = db.drop;
    sandboxDir = await mkdtemp(join(tmpdir(), 'zsc-sandbox-'));
    const env = {
      ...db.env,
      // The sandbox's own embedded database lives under DATA_DIR (the Postgres one stays the real bot's).
      DATA_DIR: sandboxDir,
      WEBAPP_SECRET_KEY: 'JQ2RixB3O8lZ0qcpgS2zsqPXLsaiPOmZo6b0QU_KFv0',
      REPORT_CRON: '0 0 1 1 *',
    };
    server = await buildServer(loadConfig(env), {
      sandbox: true,
      tuning: TEST_TUNING,
      logStream: logCapture().stream,
    });
    const admins = server.container.resolve<AdminUserStore>(ServerTokens.AdminUserStore);
    await admins.create({
      email: ADMIN.email,
      passwordHash: await hashPassword(ADMIN.password),
      createdAt: new Date(),
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    await server.start();
    const address = server.app.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await drop?.();
    if (sandboxDir !== undefined) await rm(sandboxDir, { recursive: true, force: true });
  });

  it('logs in and is offered the sandbox, with no integration configured', async () => {
    await page.goto(`${origin}/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${origin}/`);
    for (const id of ['slack', 'zendesk', 'pagerduty']) {
      expect(await page.locator(`[data-integration="${id}"]`).textContent()).toContain('Not configured');
    }
    await page.getByRole('link', { name: 'Open the sandbox' }).click();
    await page.waitForURL(`${origin}/sandbox`);
  });

  it('round-trips message → ticket → agent comment → reply in the thread → resolve through the job queue', async () => {
    await page.getByLabel('Your name').fill('Robin');
    await page.getByLabel('Message').fill('Staging database is read-only');
    await page.getByRole('button', { name: 'Post message' }).click();
    const ticket = page.locator('#live-tickets [data-ticket]').first();
    await ticket.waitFor({ timeout: 15_000 });
    expect(await ticket.textContent()).toContain('Staging database is read-only');
    const thread = page.locator('#live-chat [data-message]').first();
    await thread.locator('.replies .bot').first().waitFor({ timeout: 15_000 });

    await ticket.getByLabel('Agent comment').fill('Failing over to the replica');
    await ticket.getByRole('button', { name: 'Add comment' }).click();
    await page
      .locator('#live-chat .replies', { hasText: 'Failing over to the replica' })
      .waitFor({ timeout: 15_000 });

    await page.locator('#live-chat [data-message]').first().getByLabel('Reply as Robin').fill('resolve');
    await page.locator('#live-chat [data-message]').first().getByRole('button', { name: 'Reply' }).click();
    await page.locator('#live-tickets [data-ticket]', { hasText: '(solved)' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'sandbox-real-server');
  });

  it('shows the resolved issue on the issues page', async () => {
    await page.getByRole('link', { name: 'Issues', exact: true }).click();
    const rows = page.locator('tr[data-issue]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Resolved');
  });

  it('posts the report now through the job queue: it reaches the channel and the history', async () => {
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('button', { name: 'Post report now' }).click();
    await page.getByRole('status').filter({ hasText: 'on its way to the support channel' }).waitFor();
    await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
    await page.locator('#live-chat [data-message]', { hasText: /report/i }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    expect(await page.locator('table tbody tr').count()).toBe(1);
  });

  it('has no reply box on the report, and "Reply as" follows the name field', async () => {
    await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
    const report = page.locator('#live-chat > ul > li[data-message]', { hasText: 'Daily report' });
    await report.waitFor();
    expect(await report.locator('form').count()).toBe(0);
    await page.getByLabel('Your name').fill('Sam');
    await page.locator('#live-chat').getByLabel('Reply as Sam').first().waitFor();
  });

  it('renders the help text (no literal backticks) and its links open sandbox pages', async () => {
    await page.getByLabel('Message', { exact: true }).fill('Printer jam on floor 3');
    await page.getByRole('button', { name: 'Post message' }).click();
    const thread = page.locator('#live-chat > ul > li[data-message]', { hasText: 'Printer jam on floor 3' });
    const confirmation = thread.locator('.replies .bot', { hasText: 'your new support request' });
    await confirmation.waitFor({ timeout: 15_000 });
    const ticketHref = await confirmation.locator('a').first().getAttribute('href');
    const ticketPath = new URL(ticketHref ?? '').pathname;
    expect(ticketPath).toMatch(/^\/sandbox\/tickets\/\w+$/);

    await thread.getByLabel('Reply as Sam').fill('help');
    await thread.getByRole('button', { name: 'Reply' }).click();
    const help = thread.locator('.replies .bot', { has: page.locator('code') });
    await help.waitFor({ timeout: 15_000 });
    expect(await help.textContent()).not.toContain('`');

    await page.goto(`${origin}${ticketPath}`);
    expect(new URL(page.url()).hash).toMatch(/^#ticket-/);
    await page.locator(new URL(page.url()).hash.replace('.', '\\.')).waitFor();
  });

  it("links each issue's thread from the issues page's Chat column to the sandbox", async () => {
    await page.getByRole('link', { name: 'Issues', exact: true }).click();
    const link = page.locator('tr[data-issue]').first().getByRole('link', { name: 'Thread', exact: true });
    const href = (await link.getAttribute('href')) ?? '';
    const path = new URL(href).pathname;
    expect(path).toMatch(/^\/sandbox\/archives\/C\w+\/p\d+$/);
    await page.goto(`${origin}${path}`);
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/^#message-\d+\.\d{6}$/);
    await page.locator(`[id="${hash.slice(1)}"]`).waitFor();
  });

  it("attaches a person's image to the ticket and an agent's file to the thread, previews shown under the CSP", async () => {
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${origin}/sandbox`);
    await page.getByLabel('Message', { exact: true }).fill('Logs attached, see the screenshot');
    await page
      .locator('#post-file')
      .setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: PIXEL });
    await page.getByRole('button', { name: 'Post message' }).click();

    const ticket = page.locator('#live-tickets [data-ticket]', {
      hasText: 'Logs attached, see the screenshot',
    });
    const onTicket = ticket.locator('[data-file^="ticket-"]', { hasText: 'screen.png' });
    await onTicket.waitFor({ timeout: 15_000 });
    expect(await onTicket.textContent()).toContain('68 B');
    // The preview loaded: served by the sandbox with its type, allowed by img-src 'self'.
    await expect
      .poll(() =>
        onTicket.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(1);
    const thread = page.locator('#live-chat > ul > li[data-message]', {
      hasText: 'Logs attached, see the screenshot',
    });
    await thread.locator('[data-file^="person-"] img').waitFor();

    await ticket.getByLabel('Agent comment').fill('Here is the fix');
    await ticket.getByLabel('Agent file').setInputFiles({
      name: 'fix.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 the fix'),
    });
    await ticket.getByRole('button', { name: 'Add comment' }).click();
    const inThread = thread.locator('.replies [data-file^="shared-"]', { hasText: 'fix.pdf' });
    await inThread.waitFor({ timeout: 15_000 });
    await thread.locator('.replies', { hasText: 'Here is the fix' }).waitFor({ timeout: 15_000 });
    const href = (await inThread.locator('a').getAttribute('href')) ?? '';
    const download = await page.request.get(`${origin}${href}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="fix\.pdf"/);
    expect(await download.text()).toBe('%PDF-1.4 the fix');
    expect(blocked).toEqual([]);
    await screenshot(page, 'sandbox-files');
  });
});
