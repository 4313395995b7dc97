import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture, ON_CALL } from '../support/bot-fixture.ts';
import { Browser } from '../support/browser.ts';
import { botPostsIn, raiseIssue } from '../support/issue-steps.ts';
import { findLeaks, labelled } from '../support/log-scan.ts';

// The three OAuth flows an admin starts from the site: Slack install, Zendesk and PagerDuty
// grants. Without any static token configured, the bot then works on the stored grants alone.
describe('OAuth installs', () => {
  let bot: BotFixture;
  const browser = new Browser();
  beforeAll(async () => {
    bot = await BotFixture.start({
      name: 'e2e_oauth',
      env: { SLACK_BOT_TOKEN: '', ZENDESK_API_TOKEN: '', PAGERDUTY_API_TOKEN: '' },
    });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('refuses to start an install without an admin session', async () => {
    const page = await new Browser().get(`${bot.url}/slack/install/`, 0);
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/\/login/);
  });

  it('refuses callbacks with a forged state', async () => {
    await browser.logIn(bot.url, 'admin@example.com', bot.secrets.adminPassword);
    for (const path of ['/slack/oauth/', '/zendesk/oauth/', '/pagerduty/oauth/']) {
      const page = await browser.get(`${bot.url}${path}?code=stolen&state=forged`, 0);
      expect(page.status, path).toBeGreaterThanOrEqual(400);
      expect(page.status, path).toBeLessThan(500);
    }
    expect(bot.vendors.slack.calls.some((call) => call.method === 'oauth.v2.access')).toBe(false);
  });

  it('installs Slack, Zendesk and PagerDuty, then raises an issue on the stored grants', async () => {
    const { slack, zendesk, pagerDuty } = bot.vendors;
    const login = await browser.logIn(bot.url, 'admin@example.com', bot.secrets.adminPassword);
    expect(login.status).toBe(200);
    for (const start of ['/slack/install/', '/zendesk/oauth/start/', '/pagerduty/oauth/start/']) {
      const done = await browser.get(`${bot.url}${start}`);
      expect(done.status, start).toBeLessThan(400);
    }
    expect(slack.calls.some((call) => call.method === 'oauth.v2.access')).toBe(true);
    expect(zendesk.requests.some((r) => r.path === '/oauth/tokens')).toBe(true);
    expect(pagerDuty.requests.some((r) => r.path === '/oauth/token')).toBe(true);

    const issue = await raiseIssue(bot, ALICE.id, 'Installed via OAuth, does it work?');
    await bot.settle();
    const posts = slack.calls.filter((call) => call.method === 'chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((call) => call.token !== undefined && call.token !== slack.token)).toBe(true);
    const creates = zendesk.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith('/api/v2/tickets'),
    );
    expect(creates.every((r) => r.headers.authorization?.startsWith('Bearer '))).toBe(true);
    expect(
      pagerDuty.requests
        .filter((r) => r.path === '/oncalls')
        .every((r) => r.authorization?.startsWith('Bearer ')),
    ).toBe(true);
    expect(botPostsIn(bot, issue.ts)).toContain(
      `Primary on call: ${ON_CALL.primary.join(', ')}\nSecondary on call: ${ON_CALL.secondary.join(', ')}`,
    );
  });

  it('never logged the granted tokens, the secrets or the admin password', () => {
    const { slack, zendesk, pagerDuty } = bot.vendors;
    const bearer = (value: string | undefined) => value?.replace(/^Bearer /, '') ?? '';
    const granted = [
      ...slack.calls.map((call) => call.token ?? ''),
      ...zendesk.requests.map((r) => bearer(r.headers.authorization)),
      ...pagerDuty.requests.map((r) => bearer(r.authorization)),
    ].filter((token) => token.length >= 12);
    expect(granted.length).toBeGreaterThan(0);
    const leaks = findLeaks(bot.server.logs, {
      ...labelled('granted', [...new Set(granted)]),
      ...labelled('secret', bot.secretValues),
    });
    expect(leaks).toEqual([]);
  });
});
