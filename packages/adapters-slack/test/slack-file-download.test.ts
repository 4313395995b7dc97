import { afterEach, describe, expect, it } from 'vitest';
import { normaliseMessageEvent } from '../src/events/normalise-slack-message.ts';
import { fileShareEventOf, type SlackChatHarness, slackChatHarness } from '../src/fake/index.ts';

describe('SlackChatAdapter.downloadFile', () => {
  let harness: SlackChatHarness | undefined;
  afterEach(async () => {
    await harness?.close?.();
  });

  async function shared(bytes: Uint8Array) {
    harness = await slackChatHarness();
    const { fake } = harness;
    // The event a share makes (FakeSlack.shareFileAsUser delivers the same to a connected app).
    const fileObject = fake.files.add({ name: 'error shot.png', mimetype: 'image/png', bytes }, 'U0ALICE');
    const ts = fake.addMessage({ channel: 'C0SUPPORT', user: 'U0ALICE', text: 'screenshot' });
    const message = fake.messages.find((m) => m.ts === ts)!;
    const event = fileShareEventOf(message, fake.identity.teamId, [fileObject]);
    const chatEvent = normaliseMessageEvent('Ev1', event);
    const [file] = chatEvent?.files ?? [];
    if (file === undefined) throw new Error('no file in the file_share event');
    return { fake, file };
  }

  it('reads the file object of a file_share event and downloads url_private_download with the bot token', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 256);
    const { fake, file } = await shared(bytes);
    expect(file).toMatchObject({ name: 'error shot.png', size: bytes.byteLength, mimeType: 'image/png' });
    expect(file.id).toMatch(/^F/);

    const content = await harness!.port.downloadFile(file);

    expect(content.name).toBe('error shot.png');
    expect(content.mimeType).toBe('image/png');
    expect(Buffer.compare(Buffer.from(content.bytes), Buffer.from(bytes))).toBe(0);
    expect(fake.files.downloads.get(file.id!)).toBe(1);
  });

  it('takes Slack’s sign-in page (token without files:read, or revoked) as Unauthorized, not as the file', async () => {
    const { fake, file } = await shared(new Uint8Array(10));
    fake.revokeToken('xoxb-fake-token');
    await expect(harness!.port.downloadFile(file)).rejects.toMatchObject({
      reason: 'Unauthorized',
      retryable: false,
    });
  });

  it('never sends the token to a host that is not Slack’s', async () => {
    const { file } = await shared(new Uint8Array(10));
    await expect(
      harness!.port.downloadFile({ ...file, downloadUrl: 'https://evil.example.com/steal' }),
    ).rejects.toMatchObject({ reason: 'Invalid', retryable: false });
  });

  it('answers NotFound for a file deleted since', async () => {
    const { file } = await shared(new Uint8Array(10));
    const gone = file.downloadUrl!.replace(/F0FAKE\d+/, 'F0GONE');
    await expect(harness!.port.downloadFile({ ...file, downloadUrl: gone })).rejects.toMatchObject({
      reason: 'NotFound',
    });
  });
});
