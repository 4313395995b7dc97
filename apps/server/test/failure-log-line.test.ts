import { zendeskTicketHarness } from '@zenslackchat/adapters-zendesk/fake';
import type { LogFields, Logger } from '@zenslackchat/core';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { settleJob } from '../src/jobs/settle-job.ts';

// Issue 12 §3: a vendor failure the bot does not understand is settled with ONE log line naming
// the vendor, the call, the HTTP status and the vendor's own error and description.
type Line = { level: string; fields: LogFields; message: string };
function recorder(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: string) => (fields: LogFields, message: string) =>
    void lines.push({ level, fields, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const job = (retryCount: number) =>
  ({
    id: 'job-1',
    singletonKey: 'thread-1',
    retryCount,
    retryLimit: 3,
    data: {},
  }) as unknown as JobWithMetadata<unknown>;

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function settle(failing: () => Promise<unknown>, retryCount = 0) {
  const logger = recorder();
  const sent: unknown[] = [];
  // Only `send` is reached on the dead-letter path; the queue itself is tested in jobs.test.ts.
  const boss = { send: async (_queue: string, data: unknown) => void sent.push(data) } as unknown as PgBoss;
  const context = {
    boss,
    database: undefined as never,
    queue: 'chat-message' as const,
    clock: { now: () => new Date() },
    logger,
  };
  const result = await settleJob(context, job(retryCount), failing);
  return { result, lines: logger.lines.filter((line) => line.level !== 'debug'), sent };
}

describe('the log line of a failed job', () => {
  it("names vendor, call, status and Zendesk's error and description for a 422 it does not understand", async () => {
    const h = await zendeskTicketHarness();
    close = h.close;
    const ticket = await h.port.createTicket({
      idempotencyKey: 'k',
      subject: 's',
      description: 'd',
      externalId: 'e',
    });
    const secret = 'the customer wrote something private';
    h.fake.failNext('malformed', {
      status: 422,
      method: 'PUT',
      body: {
        error: 'RecordInvalid',
        description: 'Record validation errors',
        details: { base: [{ description: 'Comment: body is too long' }] },
      },
    });
    const { result, lines, sent } = await settle(() =>
      h.port.addComment(ticket.id, { body: secret, public: true }),
    );
    expect(result.status).toBe('completed');
    expect(sent).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      message: 'job failed for good: dead-lettered',
      fields: {
        integration: 'zendesk',
        call: 'tickets.comment',
        status: 422,
        vendorError: 'RecordInvalid',
        vendorDescription: 'Record validation errors',
        vendorFields: 'base',
        reason: 'Invalid',
        retryable: false,
      },
    });
    expect(JSON.stringify(lines)).not.toContain(secret);
    expect(JSON.stringify(lines)).not.toContain(h.fake.apiToken);
  });

  it('names the call of a retryable 503 in its one retry line', async () => {
    const h = await zendeskTicketHarness();
    close = h.close;
    h.fake.failNext('unavailable', { status: 503 });
    const { result, lines } = await settle(() => h.port.getTicket('1'));
    expect(result.status).toBe('failed');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'job failed: will retry',
        fields: expect.objectContaining({
          integration: 'zendesk',
          call: 'tickets.show',
          status: 503,
          vendorError: 'ServiceUnavailable',
          retryable: true,
        }),
      }),
    ]);
  });

  it('dead-letters a confirmed closed ticket at once, naming the 422 behind it', async () => {
    const h = await zendeskTicketHarness();
    close = h.close;
    const ticketId = h.fake.createEmailTicket({ subject: 'VPN', body: 'down' });
    h.fake.setStatus(ticketId, 'closed');
    const { result, lines } = await settle(() => h.port.linkTicket(ticketId, { externalId: 'slack:C1:1.1' }));
    expect(result.status).toBe('completed');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({
          name: 'TicketClosedError',
          retryable: false,
          integration: 'zendesk',
          call: 'tickets.link',
          status: 422,
          vendorFields: 'status',
        }),
      }),
    ]);
  });
});
