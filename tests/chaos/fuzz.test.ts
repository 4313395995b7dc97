import { signSlackRequest } from '@zenslackchat/adapters-slack/fake';
import { SIGNATURE_HEADER, signZendeskWebhook, TIMESTAMP_HEADER } from '@zenslackchat/adapters-zendesk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFixture } from '../support/bot-fixture.ts';
import { fuzzRequest } from '../support/fuzz-arbitraries.ts';
import { findLeaks, labelled } from '../support/log-scan.ts';
import { rawRequest } from '../support/raw-request.ts';

const RUNS = 10_000;

// Generated bodies and header sets against every public endpoint of the running server process
// (black box, over HTTP): only 2xx-4xx answers, the process stays up, and nothing invalid is
// recorded or enqueued. Requests are signed correctly a third of the time so validation is reached.
describe('fuzzing every public endpoint', () => {
  let bot: BotFixture;
  const statuses = new Map<number, number>();
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'chaos_fuzz' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  function sign(path: string, signing: string, body: Buffer): Record<string, string> {
    if (signing === 'none') return {};
    const now = Math.floor(Date.now() / 1000);
    if (path.startsWith('/slack/')) {
      return signSlackRequest(body, signing === 'valid' ? bot.secrets.signingSecret : 'wrong-secret', now);
    }
    const at = new Date().toISOString();
    const secret = signing === 'valid' ? bot.secrets.webhookSecret : 'wrong-secret';
    return { [SIGNATURE_HEADER]: signZendeskWebhook(secret, at, body), [TIMESTAMP_HEADER]: at };
  }

  it(`answers ${RUNS.toLocaleString('en')} generated requests with 2xx-4xx only`, {
    timeout: 200_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        // Bodies only where HTTP gives them a meaning; Node answers a body on OPTIONS/DELETE with
        // bytes after `Connection: close`, which says nothing about this server.
        const hasBody = request.method === 'POST' || request.method === 'PUT';
        const body = hasBody ? request.body : undefined;
        const headers = { ...request.headers, ...sign(request.path, request.signing, request.body) };
        const url = `${bot.url}${request.path}${request.query === undefined ? '' : `?${request.query}`}`;
        const answer = await rawRequest(url, request.method, headers, body);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status < 200 || answer.status >= 500) {
          throw new Error(`answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The generated requests reached every kind of refusal, and some were accepted (challenges,
    // ignored event types, unknown tickets), so validation behind the signatures was exercised.
    for (const status of [200, 400, 401, 403, 404]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  });

  it('stayed up and recorded or enqueued nothing', async () => {
    expect(bot.server.running).toBe(true);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const [jobs] = await bot.database.query<{ n: string }>(
      `select count(*) as n from pgboss.job where name in ('chat-message', 'ticket-comment', 'email-ticket')`,
    );
    expect(Number(jobs?.n)).toBe(0);
    const [issues] = await bot.database.query<{ n: string }>('select count(*) as n from issues');
    expect(Number(issues?.n)).toBe(0);
    expect(bot.vendors.zendesk.tickets).toEqual([]);
  });

  it('logged no secret or token', () => {
    expect(findLeaks(bot.server.logs, labelled('secret', bot.secretValues))).toEqual([]);
  });
});
