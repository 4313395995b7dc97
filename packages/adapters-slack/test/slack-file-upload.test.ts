import { afterEach, describe, expect, it } from 'vitest';
import { type SlackChatHarness, slackChatHarness } from '../src/fake/index.ts';

const PDF = { name: 'invoice.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(5000).fill(3) };

describe('SlackChatAdapter file uploads (external upload flow)', () => {
  let harness: SlackChatHarness | undefined;
  afterEach(async () => harness?.close?.());

  it('asks for an upload URL, sends the bytes there without the token, and shares into the thread', async () => {
    harness = await slackChatHarness();
    const { port, fake } = harness;
    const { id } = await port.uploadFile(PDF);
    await port.shareFile({ fileId: id, channel: 'C0SUPPORT', threadId: '1700000000.000100' });

    const calls = fake.calls.map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(calls).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const ask = fake.calls.find((c) => c.method === 'files.getUploadURLExternal');
    expect(ask?.params).toMatchObject({ filename: 'invoice.pdf', length: '5000' });
    const complete = fake.calls.find((c) => c.method === 'files.completeUploadExternal');
    expect(complete?.params).toMatchObject({ channel_id: 'C0SUPPORT', thread_ts: '1700000000.000100' });
    expect(fake.uploads.sharedIn('C0SUPPORT', '1700000000.000100').map((f) => f.bytes?.byteLength)).toEqual([
      5000,
    ]);
  });

  it('answers missing_scope (no files:write) as a non-retryable Unauthorized, uploading nothing', async () => {
    harness = await slackChatHarness();
    harness.fake.withoutScope('files:write');
    await expect(harness.port.uploadFile(PDF)).rejects.toMatchObject({
      reason: 'Unauthorized',
      retryable: false,
    });
    expect(harness.fake.uploads.byId.size).toBe(0);
  });

  it('retries a rate-limited upload URL request', async () => {
    harness = await slackChatHarness();
    harness.fake.failNext('rate-limited', { retryAfterMs: 2000 });
    await expect(harness.port.uploadFile(PDF)).rejects.toMatchObject({
      reason: 'RateLimited',
      retryable: true,
    });
  });
});
