import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';
import { ADMIN, Client } from './web/web-test-app.ts';

// The real server's honest screens: with no Slack, "Post report now" posts nothing and says
// so; "Processing" says whether this process's workers run (before start, and for a web role).

async function loggedIn(server: ZenServer): Promise<Client> {
  const client = new Client(server.app);
  await client.logIn();
  return client;
}

describe('honest screens on the real server', { timeout: 60_000 }, () => {
  const env = { DATA_DIR: 'memory://', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
  let server: ZenServer;

  beforeAll(async () => {
    server = await buildServer(loadConfig(env), { logStream: logCapture().stream });
  });
  afterAll(() => server?.stop());

  it('says "Not running" before the workers start, "Enabled" after', async () => {
    const client = await loggedIn(server);
    expect((await client.get('/')).body).toContain('Not running</span>');
    await server.start();
    expect((await client.get('/')).body).toMatch(
      /Processing<\/dt>\s*<dd><span class="status ok">Enabled<\/span><\/dd>/,
    );
  });

  it('"Post report now" without Slack posts nothing and says why', async () => {
    const client = await loggedIn(server);
    const page = await client.get('/reports');
    await client.post('/reports/post', { _csrf: Client.csrf(page.body) });
    const after = (await client.get('/reports')).body;
    expect(after).toContain(
      'No report was posted: the bot needs a chat platform (Slack or Teams) and Zendesk configured',
    );
    expect(after).not.toContain('on its way');
  });

  it('a web-only process says the workers run elsewhere', async () => {
    const web = await buildServer(loadConfig({ ...env, DATA_DIR: 'memory://' }), {
      role: 'web',
      logStream: logCapture().stream,
    });
    try {
      const client = await loggedIn(web);
      expect((await client.get('/')).body).toContain('in the worker processes');
    } finally {
      await web.stop();
    }
  });
});
