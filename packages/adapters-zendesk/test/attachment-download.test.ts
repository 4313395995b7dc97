import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TicketAttachment } from '@zenslackchat/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_MODES,
  FakeZendesk,
  type ZendeskTicketHarness,
  zendeskTicketHarness,
} from '../src/fake/index.ts';
import { ZendeskTicketAdapter } from '../src/index.ts';
import { toComment } from '../src/zendesk-mapping.ts';
import { commentSchema } from '../src/zendesk-schemas.ts';

const PDF = new Uint8Array(30_000).map((_, i) => (i * 7) % 256);

let harness: ZendeskTicketHarness | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A ticket with one public agent comment carrying `bytes`; the comment's attachment as listed. */
async function attachedFile(h: ZendeskTicketHarness, bytes: Uint8Array = PDF): Promise<TicketAttachment> {
  const ticketId = h.fake.createEmailTicket({ subject: 's', body: 'b', requesterEmail: 'r@example.com' });
  const firstId = String(h.fake.comments(ticketId)[0]?.id);
  h.fake.addComment(ticketId, {
    body: 'the invoice',
    authorName: 'Dana',
    attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', bytes }],
  });
  const [comment] = await h.port.listCommentsAfter(ticketId, firstId);
  const attachment = comment?.attachments[0];
  if (attachment === undefined) throw new Error('no attachment listed');
  return attachment;
}

/** The adapter on `fake` with its own size limit and timeout. */
function adapterOn(fake: { apiUrl: string; agentEmail: string; apiToken: string }, maxBytes: number) {
  return new ZendeskTicketAdapter({
    apiUrl: fake.apiUrl,
    auth: { kind: 'token', email: fake.agentEmail, apiToken: fake.apiToken },
    ticketUrl: 'https://example.zendesk.com/agent/tickets',
    maxAttachmentBytes: maxBytes,
    attachmentTimeoutMs: 1000,
  });
}

/** A local server recording each request's headers; `answer` writes the response. */
async function serve(
  answer: (res: import('node:http').ServerResponse, path: string) => void,
): Promise<{ origin: string; seen: { path: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    answer(res, req.url ?? '');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('ZendeskTicketAdapter.downloadAttachment', () => {
  it('sends the credentials to the Zendesk host only: the redirect to the download host gets none', async () => {
    harness = await zendeskTicketHarness({ privateAttachments: true });
    const attachment = await attachedFile(harness);
    expect(new URL(attachment.url).pathname).toMatch(/^\/attachments\/token\/[^/]+\/$/);

    const content = await harness.port.downloadAttachment(attachment);

    expect(content).toMatchObject({ name: 'invoice.pdf', mimeType: 'application/pdf' });
    expect(Buffer.compare(Buffer.from(content.bytes), Buffer.from(PDF))).toBe(0);
    const asked = harness.fake.requests.filter((r) => r.path.startsWith('/attachments/token/'));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.headers.authorization).toMatch(/^Basic /);
    expect(harness.fake.cdnRequests).toHaveLength(1);
    expect(harness.fake.cdnRequests[0]?.authorization).toBeUndefined();
  });

  it('sends no credentials to an attachment URL on another host', async () => {
    harness = await zendeskTicketHarness();
    const elsewhere = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('hi');
    });
    const content = await harness.port.downloadAttachment({
      name: 'notes.txt',
      url: `${elsewhere.origin}/files/notes.txt`,
      id: '1',
    });
    expect(new TextDecoder().decode(content.bytes)).toBe('hi');
    expect(content.mimeType).toBe('text/plain');
    expect(elsewhere.seen).toHaveLength(1);
    expect(elsewhere.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('is refused by a strict fake without credentials when private attachments are on (Unauthorized, final)', async () => {
    const fake = await FakeZendesk.start({ privateAttachments: true });
    try {
      const ticketId = fake.createEmailTicket({ subject: 's', body: 'b', requesterEmail: 'r@example.com' });
      fake.addComment(ticketId, {
        body: 'x',
        authorName: 'Dana',
        attachments: [{ name: 'a.pdf', bytes: PDF }],
      });
      const file = fake.comments(ticketId)[1]?.attachments[0];
      const wrong = new ZendeskTicketAdapter({
        apiUrl: fake.apiUrl,
        auth: { kind: 'token', email: fake.agentEmail, apiToken: 'not-the-token' },
        ticketUrl: 'https://example.zendesk.com/agent/tickets',
      });
      await expect(
        wrong.downloadAttachment({ name: 'a.pdf', url: file?.content_url ?? '', id: String(file?.id) }),
      ).rejects.toMatchObject({ reason: 'Unauthorized', retryable: false });
      expect(fake.cdnRequests).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });

  it('refuses a file whose declared size is above the limit, as final Invalid, without reading it', async () => {
    harness = await zendeskTicketHarness();
    const attachment = await attachedFile(harness);
    const small = adapterOn(harness.fake, PDF.byteLength - 1);
    await expect(small.downloadAttachment(attachment)).rejects.toMatchObject({
      reason: 'Invalid',
      retryable: false,
    });
    // Exactly at the limit is fine.
    const exact = adapterOn(harness.fake, PDF.byteLength);
    expect((await exact.downloadAttachment(attachment)).bytes.byteLength).toBe(PDF.byteLength);
  });

  it('stops reading a streamed body of unknown length once past the limit', async () => {
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 1);
    let written = 0;
    const zendesk = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const pump = () => {
        while (written < total && !res.destroyed) {
          written += chunk.byteLength;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.destroy());
      pump();
    });
    const port = adapterOn(
      { apiUrl: `${zendesk.origin}/api/v2`, agentEmail: 'bot@example.com', apiToken: 't' },
      1024 * 1024,
    );
    await expect(
      port.downloadAttachment({
        name: 'big.bin',
        url: `${zendesk.origin}/attachments/token/T/?name=big.bin`,
      }),
    ).rejects.toMatchObject({ reason: 'Invalid', retryable: false });
    // The download was cancelled: the sender got far less than the whole file out.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toBeLessThan(total / 4);
    // That host is the Zendesk host: it was sent the credentials.
    expect(zendesk.seen[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it('answers a deleted attachment as final NotFound', async () => {
    harness = await zendeskTicketHarness();
    const attachment = await attachedFile(harness);
    harness.fake.removeAttachment(attachment.id ?? '');
    await expect(harness.port.downloadAttachment(attachment)).rejects.toMatchObject({
      reason: 'NotFound',
      retryable: false,
    });
  });

  it('maps a 5xx to a retryable Unavailable and a 429 to RateLimited with its Retry-After', async () => {
    harness = await zendeskTicketHarness();
    const attachment = await attachedFile(harness);
    const path = /^\/attachments\//;
    harness.fake.failNext('unavailable', { path, status: 502 });
    await expect(harness.port.downloadAttachment(attachment)).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
    harness.fake.failNext('rate-limited', { path, retryAfterMs: 7000 });
    await expect(harness.port.downloadAttachment(attachment)).rejects.toMatchObject({
      reason: 'RateLimited',
      retryable: true,
      retryAfterMs: 7000,
    });
    // And then it works.
    expect((await harness.port.downloadAttachment(attachment)).bytes.byteLength).toBe(PDF.byteLength);
  });

  it('maps a download slower than its timeout to a retryable Unavailable', async () => {
    harness = await zendeskTicketHarness();
    const attachment = await attachedFile(harness);
    harness.fake.failNext('timeout', { path: /^\/attachments\//, delayMs: 1500 });
    await expect(harness.port.downloadAttachment(attachment)).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
  });
});

describe('attachments as comments and history reads carry them', () => {
  it.each(FAKE_MODES)(
    'reads id, size and type from the audits’ Comment events (%s answers)',
    async (mode) => {
      harness = await zendeskTicketHarness({ mode });
      const ticketId = harness.fake.createEmailTicket({
        subject: 's',
        body: 'b',
        requesterEmail: 'r@example.com',
      });
      const firstId = String(harness.fake.comments(ticketId)[0]?.id);
      harness.fake.addComment(ticketId, {
        body: 'see',
        authorName: 'Dana',
        attachments: [{ name: 'shot.png', contentType: 'image/png', bytes: new Uint8Array(321) }],
      });
      const history = await harness.port.readHistory(ticketId, firstId);
      const stored = harness.fake.comments(ticketId)[1]?.attachments[0];
      expect(history?.comments[0]?.attachments).toEqual([
        {
          name: 'shot.png',
          url: stored?.content_url,
          id: String(stored?.id),
          size: 321,
          mimeType: 'image/png',
        },
      ]);
    },
  );

  it('keeps an attachment without a readable id, size or type as a link only', () => {
    const raw = commentSchema.parse({
      id: 1,
      public: true,
      attachments: [
        { file_name: 'a.txt', content_url: 'https://acme.zendesk.com/attachments/token/A/?name=a.txt' },
        {
          file_name: 'b.txt',
          content_url: 'https://acme.zendesk.com/attachments/token/B/?name=b.txt',
          id: 'not-a-number',
          size: -1,
          content_type: null,
        },
      ],
    });
    expect(toComment(raw, new Map()).attachments).toEqual([
      { name: 'a.txt', url: 'https://acme.zendesk.com/attachments/token/A/?name=a.txt' },
      { name: 'b.txt', url: 'https://acme.zendesk.com/attachments/token/B/?name=b.txt' },
    ]);
  });
});
