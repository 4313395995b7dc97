import { describe, expect, it } from 'vitest';
import { botFixture, chatEvent, openIssue, reply } from './support/bot-fixture.ts';

const ROOT = '1700000000.000100';
const MB = 1024 * 1024;

function image(bytes = 3 * MB) {
  return { name: 'screen.png', mimeType: 'image/png', bytes: new Uint8Array(bytes).fill(7) };
}

describe('chat files reach the ticket as attachments', () => {
  it('uploads a reply’s file and attaches it to the reply’s comment', async () => {
    const f = botFixture();
    const issue = await openIssue(f, ROOT);
    const file = f.chat.addFile('F1', image());

    await f.bot.handleChatMessage(reply(ROOT, '1700000000.000200', 'see this', { files: [file] }));

    const comment = f.tickets.comments(issue.ticketId).at(-1);
    expect(comment?.body).toBe('Alice: see this\n\nAttached files: screen.png');
    expect(comment?.attachments).toEqual([
      {
        id: expect.any(String),
        name: 'screen.png',
        url: expect.stringContaining('screen.png'),
        size: 3 * MB,
        mimeType: 'image/png',
      },
    ]);
    const [bytes] = [...f.tickets.uploadedBytes.values()];
    expect(bytes?.byteLength).toBe(3 * MB);
  });

  it('uploads once when the comment failed and the reply is handled again: the recorded token is reused', async () => {
    const f = botFixture();
    const issue = await openIssue(f, ROOT);
    const event = reply(ROOT, '1700000000.000200', 'see this', { files: [f.chat.addFile('F1', image())] });
    f.tickets.faults.failNext('unavailable', { method: 'addComment' });

    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ retryable: true });
    await f.bot.handleChatMessage(event);
    await f.bot.handleChatMessage({ ...event, eventId: 'Ev-retry' });

    expect(f.tickets.callCount('uploadFile')).toBe(1);
    expect(f.chat.callCount('downloadFile')).toBe(1);
    const withFiles = f.tickets.comments(issue.ticketId).filter((c) => c.attachments.length > 0);
    expect(withFiles).toHaveLength(1);
  });

  it('uploads again when the recorded token may have expired (Zendesk keeps an upload 60 minutes)', async () => {
    const f = botFixture();
    const issue = await openIssue(f, ROOT);
    const event = reply(ROOT, '1700000000.000200', 'see this', {
      files: [f.chat.addFile('F1', image(1000))],
    });
    f.tickets.faults.failNext('unavailable', { method: 'addComment' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ retryable: true });
    f.clock.advance(40 * 60_000);
    f.tickets.faults.failNext('unavailable', { method: 'addComment' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ retryable: true });
    expect(f.tickets.callCount('uploadFile')).toBe(1); // 40 minutes: the token is reused
    f.clock.advance(25 * 60_000);
    await f.bot.handleChatMessage(event);
    expect(f.tickets.callCount('uploadFile')).toBe(2);
    const withFiles = f.tickets.comments(issue.ticketId).filter((c) => c.attachments.length > 0);
    expect(withFiles.map((c) => c.attachments.map((a) => a.name))).toEqual([['screen.png']]);
  });

  it('uploads nothing twice when two runs of the same reply overlap', async () => {
    const f = botFixture();
    await openIssue(f, ROOT);
    const event = reply(ROOT, '1700000000.000200', 'x', { files: [f.chat.addFile('F1', image(1000))] });
    const results = await Promise.allSettled([
      f.bot.handleChatMessage(event),
      f.bot.handleChatMessage(event),
    ]);
    if (results.some((r) => r.status === 'rejected')) await f.bot.handleChatMessage(event);
    expect(f.tickets.callCount('uploadFile')).toBe(1);
  });

  it('attaches the opening message’s file to the new ticket', async () => {
    const f = botFixture();
    const file = f.chat.addFile('F1', image(2000));
    const outcome = await f.bot.handleChatMessage(
      chatEvent({ messageId: ROOT, text: 'broken', files: [file] }),
    );
    if (outcome.outcome !== 'ticket-created') throw new Error(outcome.outcome);
    expect(f.tickets.comments(outcome.ticketId)[0]?.attachments).toHaveLength(1);
  });

  it('links a file above the size limit instead of copying it, with a note', async () => {
    const f = botFixture({ settings: { maxAttachmentBytes: 20 * MB } });
    const issue = await openIssue(f, ROOT);
    const big = {
      id: 'F-BIG',
      name: 'dump.bin',
      size: 60 * MB,
      url: 'https://acme.slack.com/files/F-BIG/dump.bin',
    };

    await f.bot.handleChatMessage(reply(ROOT, '1700000000.000200', 'the dump', { files: [big] }));

    const comment = f.tickets.comments(issue.ticketId).at(-1);
    expect(comment?.attachments).toEqual([]);
    expect(comment?.body).toContain(
      'Not attached (too large or not downloadable), open in chat: dump.bin (https://acme.slack.com/files/F-BIG/dump.bin)',
    );
    expect(f.chat.callCount('downloadFile')).toBe(0);
    expect(f.tickets.callCount('uploadFile')).toBe(0);
  });

  it('links a file the chat refuses to hand over (missing scope, deleted) instead of failing the reply', async () => {
    const f = botFixture();
    const issue = await openIssue(f, ROOT);
    const gone = {
      id: 'F-GONE',
      name: 'gone.png',
      size: 10,
      url: 'https://acme.slack.com/files/F-GONE/gone.png',
    };
    const outcome = await f.bot.handleChatMessage(reply(ROOT, '1700000000.000200', 'x', { files: [gone] }));
    expect(outcome.outcome).toBe('comment-added');
    expect(f.tickets.comments(issue.ticketId).at(-1)?.body).toContain(
      'gone.png (https://acme.slack.com/files/F-GONE/gone.png)',
    );
    expect(f.tickets.callCount('uploadFile')).toBe(0);
  });
});
