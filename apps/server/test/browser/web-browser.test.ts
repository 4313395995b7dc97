import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../web/web-test-app.ts';
import { axeViolations } from './axe.ts';
import { startBrowserApp } from './browser-app.ts';
import { hasChromium, launchChromium, screenshot } from './chromium.ts';

/** How far the page is wider than the screen (0 when nothing scrolls sideways). */
const OVERFLOW = 'document.documentElement.scrollWidth - window.innerWidth';

describe.skipIf(!hasChromium)('web front in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof startBrowserApp>>;
  /** Console errors and uncaught exceptions (a CSP violation shows up here). */
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startBrowserApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in and shows the OAuth integrations', async () => {
    await page.goto(`${server.origin}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.origin}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'OAuth integrations for this workspace',
    );
    for (const name of ['Slack', 'Zendesk', 'PagerDuty']) {
      expect(await page.getByRole('heading', { name, level: 3 }).count()).toBe(1);
    }
    expect(await page.locator('[data-integration="zendesk"]').textContent()).toContain('Not connected');
  });

  it('connects Slack, Zendesk and PagerDuty through their OAuth flows against the fakes', async () => {
    await page.getByRole('link', { name: 'Add Slack' }).click();
    await page.waitForURL(`${server.origin}/`);
    expect(await page.locator('[data-integration="slack"]').textContent()).toContain(
      'Connected to Fake Workspace',
    );
    await page.getByRole('link', { name: 'Add Zendesk' }).click();
    await page.waitForURL(`${server.origin}/`);
    expect(await page.locator('[data-integration="zendesk"]').textContent()).toContain(
      'Connected to fake-support',
    );
    await page.getByRole('link', { name: 'Add PagerDuty' }).click();
    await page.waitForURL(`${server.origin}/`);
    expect(await page.locator('[data-integration="pagerduty"]').textContent()).toContain('Connected');
    expect(await page.getByRole('link', { name: 'Reconnect Slack' }).count()).toBe(1);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'OAuth integrations for Fake Workspace',
    );
    expect((await server.tokens.get('slack'))?.account).toBe('T0FAKE');
    await screenshot(page, 'home', 'home');
  });

  it('runs a sandbox round trip: message, ticket, agent comment, reply, resolve', async () => {
    await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
    await page.getByLabel('Your name').fill('Alex Doe');
    await page.getByLabel('Message').fill('The deploy pipeline is stuck');
    await page.getByRole('button', { name: 'Post message' }).click();
    const ticket = page.locator('#live-tickets [data-ticket]').first();
    await ticket.waitFor();
    expect(await ticket.textContent()).toContain('The deploy pipeline is stuck');
    await ticket.getByLabel('Agent comment').fill('We are restarting the runners');
    await ticket.getByRole('button', { name: 'Add comment' }).click();
    const thread = page.locator('#live-chat [data-message]').first();
    await thread.locator('.replies', { hasText: 'We are restarting the runners' }).waitFor();
    await thread.getByLabel('Reply as Alex Doe').fill('resolve');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await page.locator('#live-tickets [data-ticket]', { hasText: '(solved)' }).waitFor();
    await page.getByLabel('Subject').fill('Printer on fire');
    await page.getByLabel('Body').fill('Please send help');
    await page.getByRole('button', { name: 'Send email' }).click();
    await page.locator('#live-tickets [data-ticket]', { hasText: 'Printer on fire' }).waitFor();
    await screenshot(page, 'sandbox', 'sandbox');
  });

  it('updates the sandbox live when the bot acts outside the page', async () => {
    await server.fixture.sandbox.postChatMessage({ user: 'Kim', text: 'Posted from elsewhere' });
    await page.locator('#live-chat', { hasText: 'Posted from elsewhere' }).waitFor({ timeout: 15_000 });
  });

  it('lists the issues with links and marks one resolved after confirming', async () => {
    await page.getByRole('link', { name: 'Issues', exact: true }).click();
    const rows = page.locator('tr[data-issue]');
    expect(await rows.count()).toBe(3);
    expect(await page.getByRole('link', { name: 'Thread' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'issues');
    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await rows.count()).toBe(2);
    await page
      .getByRole('link', { name: /^Mark resolved \(ticket #\d+\)$/ })
      .first()
      .click();
    await screenshot(page, 'resolve-confirm');
    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await page.getByRole('status').filter({ hasText: 'marked resolved' }).waitFor();
  });

  it('posts the daily report and shows the history chart', async () => {
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('button', { name: 'Post report now' }).click();
    await page.getByRole('status').filter({ hasText: 'on its way to the support channel' }).waitFor();
    expect(await page.locator('svg.chart').count()).toBe(1);
    expect(await page.locator('table tbody tr').count()).toBe(1 + 60 - 9);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(10);
    const posted = server.fixture.chat.messages.at(-1);
    expect(posted?.threadId).toBeUndefined();
    await screenshot(page, 'reports');
  });

  it('is usable on a phone-sized screen', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${server.origin}/`);
    expect(await phone.evaluate(OVERFLOW)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'home-phone');
    await phone.goto(`${server.origin}/sandbox`);
    expect(await phone.evaluate(OVERFLOW)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'sandbox-phone');
    await phone.close();
  });

  it('has no WCAG 2.1 A/AA violations that axe-core can find, on any page', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    await context.addCookies(await page.context().cookies());
    const checked = await context.newPage();
    const issue = (await server.fixture.repo.listIssues({ limit: 1, offset: 0, status: 'open' }))[0];
    const paths = ['/', '/issues', '/reports', '/sandbox', ...(issue ? [`/issues/${issue.id}/resolve`] : [])];
    for (const path of paths) {
      await checked.goto(`${server.origin}${path}`);
      expect(await axeViolations(checked), path).toEqual([]);
    }
    const anonymous = await browser.newContext({ bypassCSP: true });
    const login = await anonymous.newPage();
    await login.goto(`${server.origin}/login`);
    expect(await axeViolations(login), '/login').toEqual([]);
    await anonymous.close();
    await context.close();
  });

  it('raised no script error or CSP violation on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
