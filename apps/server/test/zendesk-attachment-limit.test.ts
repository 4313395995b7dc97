import { MemoryTokenStore } from '@zenslackchat/adapters-memory';
import { FakeZendesk } from '@zenslackchat/adapters-zendesk/fake';
import { silentLogger, systemClock } from '@zenslackchat/core';
import { afterEach, describe, expect, it } from 'vitest';
import { zendeskTickets } from '../src/container/integration-adapters.ts';

const MB = 1024 * 1024;

let fake: FakeZendesk | undefined;
afterEach(async () => {
  await fake?.close();
});

describe('the server’s Zendesk adapter', () => {
  it('reads no attachment larger than ATTACHMENT_MAX_MB', async () => {
    fake = await FakeZendesk.start();
    const tickets = zendeskTickets(
      {
        apiUrl: fake.apiUrl,
        ticketUri: 'https://example.zendesk.com/agent/tickets',
        webhookToken: 'w',
        apiToken: fake.apiToken,
        agentEmail: fake.agentEmail,
        attachmentMaxMb: 1,
      },
      new MemoryTokenStore(),
      systemClock,
      silentLogger,
    );
    const ticketId = fake.createEmailTicket({ subject: 's', body: 'b', requesterEmail: 'r@example.com' });
    fake.addComment(ticketId, {
      body: 'files',
      authorName: 'Dana',
      attachments: [
        { name: 'fits.bin', bytes: new Uint8Array(MB) },
        { name: 'too-big.bin', bytes: new Uint8Array(MB + 1) },
      ],
    });
    const [fits, tooBig] = (fake.comments(ticketId)[1]?.attachments ?? []).map((file) => ({
      name: file.file_name,
      url: file.content_url,
      id: String(file.id),
    }));
    if (fits === undefined || tooBig === undefined) throw new Error('attachments missing');
    expect((await tickets.downloadAttachment?.(fits))?.bytes.byteLength).toBe(MB);
    await expect(tickets.downloadAttachment?.(tooBig)).rejects.toMatchObject({
      reason: 'Invalid',
      retryable: false,
    });
  });
});
