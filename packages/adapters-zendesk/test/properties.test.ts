import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';
import { parseRetryAfter, signZendeskWebhook } from '../src/index.ts';
import { validateBody } from '../src/webhooks/webhook-body.ts';
import { checkZendeskSignature } from '../src/webhooks/webhook-signature.ts';

const NOW = new Date('2026-11-27T10:00:00Z');
const withinWindow = fc
  .integer({ min: -299_000, max: 299_000 })
  .map((ms) => new Date(NOW.getTime() + ms).toISOString());

describe('webhook signature properties', () => {
  it('accepts every body signed with the secret within the window, and no altered body', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), withinWindow, fc.nat(), (text, timestamp, flip) => {
        const body = Buffer.from(text);
        const headers = {
          'x-zendesk-webhook-signature': signZendeskWebhook('secret', timestamp, body),
          'x-zendesk-webhook-signature-timestamp': timestamp,
        };
        expect(checkZendeskSignature('secret', headers, body, NOW)).toBeUndefined();
        const altered = Buffer.concat([body, Buffer.from([flip % 256])]);
        expect(checkZendeskSignature('secret', headers, altered, NOW)).toBe('mismatch');
        expect(checkZendeskSignature('other', headers, body, NOW)).toBe('mismatch');
      }),
    );
  });
});

describe('webhook body properties', () => {
  it('keeps the ticket id of any well-formed body, whatever extra fields come along', () => {
    const extra = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    const id = fc.bigInt({ min: 1n, max: 9_007_199_254_740_991n }).map(String);
    fc.assert(
      fc.property(extra, id, fc.boolean(), (fields, ticketId, asNumber) => {
        const body = { ...fields, token: 't', ticket_id: asNumber ? Number(ticketId) : ticketId };
        expect(validateBody(body)?.ticketId).toBe(ticketId);
      }),
    );
  });

  it('refuses any ticket id that is not a positive whole number', () => {
    const bad = fc.oneof(
      fc.string().filter((s) => !/^\s*[1-9]\d{0,15}\s*$/.test(s)),
      fc.double().filter((n) => !Number.isInteger(n) || n <= 0),
      fc.constant(null),
    );
    fc.assert(
      fc.property(bad, (ticketId) => {
        expect(validateBody({ token: 't', ticket_id: ticketId })).toBeUndefined();
      }),
    );
  });
});

describe('Retry-After properties', () => {
  it('reads any delta-seconds as milliseconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 86_400 }), (seconds) => {
        expect(parseRetryAfter(String(seconds))).toBe(seconds * 1000);
      }),
    );
  });
});

describe('comment walk properties', () => {
  let h: ZendeskTicketHarness;
  beforeAll(async () => {
    h = await zendeskTicketHarness();
  });
  afterAll(() => h.close());

  it('returns exactly the new comments, oldest first, reading only the pages down to the cursor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 25 }),
        async (earlier, fresh) => {
          const ticketId = h.fake.createEmailTicket({ subject: 's', body: 'first' });
          let cursor = String(h.fake.comments(ticketId)[0]?.id);
          for (let i = 1; i < earlier; i++)
            cursor = h.fake.addComment(ticketId, { body: `e${i}`, authorName: 'A' });
          const added = Array.from({ length: fresh }, (_, i) =>
            h.fake.addComment(ticketId, { body: `n${i}`, authorName: 'B' }),
          );
          const before = h.requestCount();
          const comments = await h.port.listCommentsAfter(ticketId, cursor);
          expect(comments.map((c) => c.id)).toEqual(added);
          // The harness reads 5 per page; the cursor sits at position `fresh` of the newest-first list.
          expect(h.requestCount() - before).toBe(Math.floor(fresh / 5) + 1);
        },
      ),
      { numRuns: 30 },
    );
  });
});
