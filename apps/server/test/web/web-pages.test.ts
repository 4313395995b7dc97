import { afterEach, describe, expect, it } from 'vitest';
import { Client, type WebTestApp, webTestApp } from './web-test-app.ts';

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

async function loggedIn(overrides: Parameters<typeof webTestApp>[0] = {}): Promise<Client> {
  t = await webTestApp(overrides);
  const client = new Client(t.app);
  await client.logIn();
  return client;
}

async function seedIssues(count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    const openedAt = new Date(Date.UTC(2026, 10, 1, 0, i));
    const summary = `${i % 2 === 0 ? 'Printer' : 'VPN'} trouble <${i}>`;
    if (i % 3 === 0) {
      await t.repo.claimTicket({
        platform: 'slack',
        channel: 'C0SUPPORT',
        ticketId: `9${i}`,
        openedAt,
        summary,
      });
    } else {
      const { issue } = await t.repo.claimThread({
        platform: 'slack',
        channel: 'C0SUPPORT',
        threadId: `17000000${i}.000100`,
        openedAt,
      });
      await t.repo.attachTicket(issue.id, `${100 + i}`, summary);
    }
  }
}

describe('home page', () => {
  it('lists Slack, Zendesk and PagerDuty with connection state, Add/Reconnect links, processing and channel', async () => {
    const client = await loggedIn();
    await t.tokens.save({
      provider: 'slack',
      account: 'T1',
      accountName: 'Acme HQ',
      accessToken: 'xoxb-secret',
      scopes: [],
      metadata: {},
      updatedAt: new Date('2026-11-20T09:30:00Z'),
    });
    const body = (await client.get('/')).body;
    expect(body).toContain('<h1>OAuth integrations for Acme &lt;Support&gt;</h1>');
    expect(body).toMatch(
      /data-integration="slack">[\s\S]*Connected[\s\S]*Acme HQ[\s\S]*2026-11-20 09:30 UTC[\s\S]*href="\/slack\/install\/"[\s\S]*Reconnect/,
    );
    expect(body).toMatch(
      /data-integration="zendesk">[\s\S]*Not connected[\s\S]*href="\/zendesk\/oauth\/start\/"[\s\S]*>Add</,
    );
    expect(body).toMatch(
      /data-integration="pagerduty">[\s\S]*Not configured<\/span> — set PAGERDUTY_ESCALATION_POLICY_ID, PAGERDUTY_API_TOKEN \(or PAGERDUTY_CLIENT_IDENTIFIER \+ PAGERDUTY_CLIENT_SECRET\)\./,
    );
    expect(body).not.toContain('xoxb-secret');
    expect(body).toContain('<code>C0SUPPORT</code>');
    expect(body).toContain('Enabled');
  });

  it('says an integration running on a token from the environment is connected, and when OAuth is not set up', async () => {
    const client = await loggedIn({
      integrations: {
        slack: { configured: true, staticCredential: 'SLACK_BOT_TOKEN' },
        zendesk: { configured: true },
        pagerduty: { configured: false },
      },
    });
    const body = (await client.get('/')).body;
    expect(body).toMatch(
      /data-integration="slack">[\s\S]*Connected<\/span> with <code>SLACK_BOT_TOKEN<\/code>/,
    );
    expect(body).toMatch(
      /data-integration="zendesk">[\s\S]*Not connected<\/span> — set ZENDESK_CLIENT_IDENTIFIER/,
    );
    expect(body).not.toContain('aria-label="Add');
  });

  it('offers the sandbox when Slack or Zendesk is not configured', async () => {
    const client = await loggedIn({
      integrations: {
        slack: { configured: false },
        zendesk: { configured: false },
        pagerduty: { configured: false },
      },
      settings: { processingEnabled: false, supportChannel: 'C1' },
    });
    const body = (await client.get('/')).body;
    expect(body).toContain('OAuth integrations for this workspace');
    expect(body).toContain('Start the server with <code>--sandbox</code>');
    expect(body).toContain('Disabled');
  });
});

describe('issues page', () => {
  it('pages through issues newest first with thread and ticket links', async () => {
    const client = await loggedIn();
    await seedIssues(30);
    const first = (await client.get('/issues')).body;
    expect(first.match(/<tr data-issue=/g)).toHaveLength(25);
    expect(first).toContain('href="https://acme.zendesk.com/agent/tickets/129"');
    expect(first).toContain('href="https://acme.slack.com/archives/C0SUPPORT/p1700000029.000100"');
    expect(first).toContain('rel="next"');
    const second = (await client.get('/issues?page=2')).body;
    expect(second.match(/<tr data-issue=/g)).toHaveLength(5);
    expect(second).not.toContain('rel="next"');
  });

  it("shows each issue's Zendesk status and when it was last synced", async () => {
    const client = await loggedIn();
    await seedIssues(2);
    const synced = await t.repo.findByTicket('101');
    await t.repo.applyTicketSync(synced?.id ?? '', {
      ticketStatus: 'pending',
      ticketUpdatedAt: new Date('2026-11-20T09:00:00Z'),
      syncedAt: new Date('2026-11-20T09:30:00Z'),
    });
    const body = (await client.get('/issues')).body;
    expect(body).toContain('<th scope="col">Zendesk status</th><th scope="col">Last synced</th>');
    expect(body).toMatch(
      new RegExp(
        `data-issue="${synced?.id}">[\\s\\S]*?<td>pending</td>\\s*<td><time datetime="2026-11-20T09:30:00.000Z">2026-11-20 09:30 UTC</time>`,
      ),
    );
    expect(body).toMatch(/<td>—<\/td>\s*<td>—<\/td>\s*<td><a href="\/issues\/[^"]+\/resolve">/);
  });

  it('filters by source, status and id text', async () => {
    const client = await loggedIn();
    await seedIssues(9);
    const email = (await client.get('/issues?source=email')).body;
    expect(email.match(/<tr data-issue=/g)).toHaveLength(3);
    expect((await client.get('/issues?status=resolved')).body).toContain('No issues match.');
    const search = (await client.get('/issues?q=107')).body;
    expect(search.match(/<tr data-issue=/g)).toHaveLength(1);
    expect(search).toContain('value="107"');
    expect((await client.get('/issues?status=bogus')).statusCode).toBe(303);
  });

  it('searches ticket subjects (any case) in the repo, with the other filters, and shows them escaped', async () => {
    const client = await loggedIn();
    await seedIssues(9);
    const rows = (body: string) => body.match(/<tr data-issue=/g)?.length ?? 0;
    expect(rows((await client.get('/issues?q=vpn')).body)).toBe(5);
    const printerEmail = (await client.get('/issues?q=PRINTER&source=email')).body;
    expect(rows(printerEmail)).toBe(1);
    expect(printerEmail).toContain('<td>Printer trouble &lt;6&gt;</td>');
    expect(rows((await client.get('/issues?q=trouble%20%3C1%3E')).body)).toBe(1);
    expect((await client.get('/issues?q=toner')).body).toContain('No issues match.');
  });

  it('marks an issue resolved only after the confirmation form is posted', async () => {
    const client = await loggedIn();
    await seedIssues(1);
    const [issue] = await t.repo.listIssues({ limit: 1, offset: 0 });
    const confirm = await client.get(`/issues/${issue?.id}/resolve`);
    expect(confirm.body).toContain('Mark ticket #101 resolved?');
    expect(t.calls.resolved).toEqual([]);
    const done = await client.post(`/issues/${issue?.id}/resolve`, { _csrf: Client.csrf(confirm.body) });
    expect(done.headers.location).toBe('/issues');
    expect(t.calls.resolved).toEqual([issue?.id]);
    const list = (await client.get('/issues')).body;
    expect(list).toContain(
      'Issue #101 marked resolved: its ticket is solved and its thread told in a moment.',
    );
    expect(list).toContain('Resolved');
    expect((await client.get('/issues/nope/resolve')).statusCode).toBe(404);
  });
});

describe('reports page', () => {
  it('shows the report history, a 90-day SVG chart and posts a report on request', async () => {
    const client = await loggedIn();
    for (const [day, open, resolved] of [
      ['2026-11-25', 7, 2],
      ['2026-11-26', 5, 3],
      ['2026-06-01', 1, 1],
    ] as const) {
      await t.repo.saveReport({
        platform: 'slack',
        day,
        openCount: open,
        resolvedCount: resolved,
        periodStart: new Date(`${day}T00:00:00Z`),
        periodEnd: new Date(`${day}T00:00:00Z`),
        postedAt: new Date(`${day}T09:00:00Z`),
      });
    }
    const page = await client.get('/reports');
    expect(page.body).toContain('<svg class="chart"');
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('2 of 90 days have a report');
    expect(page.body).toContain('<title>2026-11-26: 3 resolved</title>');
    expect(page.body).toMatch(/<td>2026-11-26<\/td><td>5<\/td><td>3<\/td>/);
    const posted = await client.post('/reports/post', { _csrf: Client.csrf(page.body) });
    expect(posted.headers.location).toBe('/reports');
    expect(t.calls.reports).toBe(1);
    expect((await client.get('/reports')).body).toContain('The report is on its way to the support channel.');
  });
  it('lists the reconciliation sweeps, newest first', async () => {
    const client = await loggedIn();
    expect((await client.get('/reports')).body).toContain('No reconciliation sweep has run yet.');
    for (const [minute, healed] of [
      [0, 1],
      [10, 4],
    ] as const) {
      await t.repo.saveSweep({
        startedAt: new Date(Date.UTC(2026, 10, 26, 9, minute)),
        finishedAt: new Date(Date.UTC(2026, 10, 26, 9, minute + 1)),
        checked: 250,
        changed: 6,
        healed,
        failed: 0,
        calls: 11,
      });
    }
    const body = (await client.get('/reports')).body;
    expect(body).toContain('<h2>Reconciliation sweeps</h2>');
    expect(body).toMatch(
      /2026-11-26 09:10 UTC[\s\S]*?<td>250<\/td><td>6<\/td><td>4<\/td><td>0<\/td><td>11<\/td>[\s\S]*2026-11-26 09:00 UTC/,
    );
  });
});
