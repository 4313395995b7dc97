import { afterEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';

describe('ZendeskTicketAdapter.uploadFile', () => {
  let harness: ZendeskTicketHarness | undefined;
  afterEach(async () => {
    await harness?.close?.();
  });

  it('POSTs the raw bytes to /uploads with the file name and sends the token in the comment’s uploads', async () => {
    harness = await zendeskTicketHarness();
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const ticket = await harness.port.createTicket({
      idempotencyKey: 'k-upload',
      subject: 's',
      description: 'd',
      externalId: 'slack:C1:1.1',
    });
    const { token } = await harness.port.uploadFile!({ name: 'shot 1.png', mimeType: 'image/png', bytes });
    await harness.port.addComment(ticket.id, { body: 'see file', public: true, uploads: [token] });

    const upload = harness.fake.requests.find((r) => /^\/api\/v2\/uploads(\.json)?$/.test(r.path));
    expect(upload?.method).toBe('POST');
    expect(upload?.query).toEqual({ filename: 'shot 1.png' });
    expect(upload?.headers['content-type']).toBe('application/binary');
    expect(Buffer.compare(upload?.body as Buffer, Buffer.from(bytes))).toBe(0);
    const put = harness.fake.requests.findLast((r) => r.method === 'PUT');
    expect(put?.body).toMatchObject({
      ticket: { comment: { body: 'see file', public: true, uploads: [token] } },
    });
    const [comment] = await harness.port.listCommentsAfter(ticket.id, ticket.firstCommentId);
    expect(comment?.attachments.map((a) => a.name)).toEqual(['shot 1.png']);
  });

  it('refuses a comment naming an unknown upload token as Invalid (the fake is stricter than Zendesk)', async () => {
    harness = await zendeskTicketHarness();
    const ticket = await harness.port.createTicket({
      idempotencyKey: 'k-bad',
      subject: 's',
      description: 'd',
      externalId: 'slack:C1:1.2',
    });
    await expect(
      harness.port.addComment(ticket.id, { body: 'x', public: true, uploads: ['nope'] }),
    ).rejects.toMatchObject({ reason: 'Invalid' });
  });
});
