import { describe, expect, it } from 'vitest';
import { deliveryKeys } from '../src/index.ts';
import { botFixture, CHANNEL, type Fixture, openIssue } from './support/bot-fixture.ts';

const MB = 1024 * 1024;
const PDF_URL = 'https://acme.zendesk.com/attachments/token/T1/?name=invoice.pdf';
const pdf = (size = 2000) => ({
  name: 'invoice.pdf',
  url: PDF_URL,
  mimeType: 'application/pdf',
  bytes: new Uint8Array(size).fill(5),
});

async function agentComment(f: Fixture, files = [pdf()], isPublic = true) {
  const { threadId, ticketId, issueId } = await openIssue(f);
  const commentId = f.tickets.addExternalComment(ticketId, {
    body: 'Here is the invoice',
    public: isPublic,
    authorName: 'Dana',
    attachments: files,
  });
  return { threadId, ticketId, issueId, commentId };
}

const posts = (f: Fixture, threadId: string) =>
  f.chat
    .messagesIn(CHANNEL, threadId)
    .map((m) => m.text)
    .filter((text) => text.startsWith('Dana'));

describe('an agent’s attachments reach the chat thread', () => {
  it('uploads a public comment’s file into the thread once, and the comment names it without a link', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f);

    await f.bot.handleTicketComments({ ticketId });
    await f.bot.handleTicketComments({ ticketId });

    const files = f.chat.filesIn(CHANNEL, threadId);
    expect(files.map((file) => [file.name, file.mimeType, file.bytes.byteLength])).toEqual([
      ['invoice.pdf', 'application/pdf', 2000],
    ]);
    expect(posts(f, threadId)).toEqual([
      'Dana (Zendesk): Here is the invoice\n\nAttached files: invoice.pdf',
    ]);
    expect(f.tickets.callCount('downloadAttachment')).toBe(1);
    expect(f.chat.callCount('uploadFile')).toBe(1);
  });

  it('shares once when the run crashed after sharing and before recording it: the retry finds the file in the thread', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f);
    // The share takes effect and its answer is lost, as a crash before the record would leave it.
    f.chat.faults.failNext('timeout', { method: 'shareFile' });

    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({ retryable: true });
    expect(f.chat.filesIn(CHANNEL, threadId)).toHaveLength(1);
    expect(posts(f, threadId)).toEqual([]);
    f.clock.advance(60_000);
    await f.bot.handleTicketComments({ ticketId });
    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.filesIn(CHANNEL, threadId)).toHaveLength(1);
    expect(f.chat.callCount('isFileShared')).toBe(1);
    expect(f.chat.uploadedFiles).toBe(1);
    expect(posts(f, threadId)).toHaveLength(1);
  });

  it('repeats only the unseen upload when the run crashed after uploading and before recording it', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f);
    f.chat.faults.failNext('timeout', { method: 'uploadFile' });

    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({ retryable: true });
    expect(f.chat.filesIn()).toHaveLength(0);
    f.clock.advance(60_000);
    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.uploadedFiles).toBe(2);
    expect(f.chat.filesIn(CHANNEL, threadId)).toHaveLength(1);
    expect(posts(f, threadId)).toHaveLength(1);
  });

  it('throws a retryable failure for the job to retry, posting nothing, and the retry uploads once', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f);
    f.chat.faults.failNext('rate-limited', { method: 'uploadFile' });
    f.tickets.faults.failNext('unavailable', { method: 'downloadAttachment' });

    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({
      reason: 'RateLimited',
      retryable: true,
    });
    expect(f.chat.messagesIn(CHANNEL, threadId).filter((m) => m.text.startsWith('Dana'))).toEqual([]);
    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.filesIn(CHANNEL, threadId)).toHaveLength(1);
    expect(posts(f, threadId)).toEqual([
      'Dana (Zendesk): Here is the invoice\n\nAttached files: invoice.pdf',
    ]);
  });

  it('links a file above the size limit without downloading it', async () => {
    const f = botFixture({ settings: { maxAttachmentBytes: 20 * MB } });
    const big = { ...pdf(20 * MB + 1), name: 'dump.bin' };
    const { threadId, ticketId } = await agentComment(f, [big, pdf()]);

    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.filesIn(CHANNEL, threadId).map((file) => file.name)).toEqual(['invoice.pdf']);
    expect(f.tickets.callCount('downloadAttachment')).toBe(1);
    expect(posts(f, threadId)).toEqual([
      `Dana (Zendesk): Here is the invoice\n\nAttached files: dump.bin (${PDF_URL}), invoice.pdf`,
    ]);
  });

  it('links the file when chat refuses the bot files (no files:write), and a later notice uploads nothing', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f);
    f.chat.faults.failNext('unauthorized', { method: 'uploadFile' });

    await f.bot.handleTicketComments({ ticketId });
    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.filesIn()).toEqual([]);
    expect(f.chat.callCount('uploadFile')).toBe(1);
    expect(posts(f, threadId)).toEqual([
      `Dana (Zendesk): Here is the invoice\n\nAttached files: invoice.pdf (${PDF_URL})`,
    ]);
    expect(f.logger.lines.some((e) => e.message === 'ticket file not copied to chat; linked instead')).toBe(
      true,
    );
  });

  it('links an attachment deleted before it could be downloaded', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f);
    const [attachment] = f.tickets.comments(ticketId).at(-1)?.attachments ?? [];
    f.tickets.deleteAttachment(attachment?.id ?? '');

    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.callCount('uploadFile')).toBe(0);
    expect(posts(f, threadId)).toEqual([
      `Dana (Zendesk): Here is the invoice\n\nAttached files: invoice.pdf (${PDF_URL})`,
    ]);
  });

  it('links a file the ticket system gives no id for (nothing to download)', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f, [{ name: 'invoice.pdf', url: PDF_URL }] as never);

    await f.bot.handleTicketComments({ ticketId });

    expect(f.tickets.callCount('downloadAttachment')).toBe(0);
    expect(posts(f, threadId)).toEqual([
      `Dana (Zendesk): Here is the invoice\n\nAttached files: invoice.pdf (${PDF_URL})`,
    ]);
  });

  it('leaves a comment already posted alone: a retry after the post copies no file its message linked', async () => {
    const f = botFixture();
    const { threadId, ticketId, commentId } = await agentComment(f);
    f.chat.faults.failNext('unauthorized', { method: 'uploadFile' });
    // The comment is posted (with the link) but the cursor write fails: the notice is handled again.
    f.repo.faults.failNext('unavailable', { method: 'setCommentCursor' });
    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({ retryable: true });
    expect((await f.repo.findDelivery(deliveryKeys.ticketToChat(commentId)))?.state).toBe('done');

    await f.bot.handleTicketComments({ ticketId });

    expect(f.chat.callCount('uploadFile')).toBe(1);
    expect(f.chat.filesIn()).toEqual([]);
    expect(posts(f, threadId)).toHaveLength(1);
  });

  it('never lets an internal note’s attachment cross', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await agentComment(f, [pdf()], false);
    await f.bot.handleTicketComments({ ticketId });
    expect(f.chat.messagesIn(CHANNEL, threadId).some((m) => m.text.includes('invoice'))).toBe(false);
    expect(f.chat.callCount('uploadFile')).toBe(0);
    expect(f.tickets.callCount('downloadAttachment')).toBe(0);
  });
});
