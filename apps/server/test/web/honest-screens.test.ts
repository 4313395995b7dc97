import { afterEach, describe, expect, it } from 'vitest';
import type { ReportRequest, WorkerState } from '../../src/web/web-options.ts';
import { Client, type WebTestApp, webTestApp } from './web-test-app.ts';

// "Post report now" and "Processing" say what really happens: no chat, no worker, or workers
// in other processes are named, never a green "on its way".

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

describe('honest screens', () => {
  it.each([
    [
      'no-chat',
      'No report was posted: the bot needs a chat platform (Slack or Teams) and Zendesk configured',
    ],
    ['queued-no-worker', 'The report is queued, but no worker runs in this process'],
    ['queued-elsewhere', 'The report is queued for the worker processes (--role worker) to post.'],
    ['queued', 'The report is on its way to the support channel.'],
  ] as [ReportRequest, string][])(
    '"Post report now" when the outcome is %s says so',
    async (outcome, text) => {
      const client = await loggedIn({ postReportNow: async () => outcome });
      const page = await client.get('/reports');
      await client.post('/reports/post', { _csrf: Client.csrf(page.body) });
      const after = (await client.get('/reports')).body;
      expect(after).toContain(text);
      if (outcome !== 'queued') expect(after).not.toContain('on its way');
    },
  );

  it.each([
    ['running', 'Enabled</span></dd>'],
    ['stopped', 'Not running</span> — no job worker runs in this process'],
    ['elsewhere', 'Enabled</span> in the worker processes'],
  ] as [WorkerState, string][])('"Processing" with workers %s', async (state, text) => {
    const client = await loggedIn({ workers: () => state });
    expect((await client.get('/')).body).toContain(text);
  });
});
