import { expect, it } from 'vitest';
import type { FileContent } from '../domain/chat-event.ts';
import type { ChatCapabilities, ChatHarness } from './harness.ts';

/** The file half of the ChatPort contract (`downloadFile`); called inside `chatPortContract`. */
export function chatFileTests(harness: () => ChatHarness, capabilities: ChatCapabilities): void {
  const shared = async (content: FileContent) => {
    const share = harness().shareFile;
    if (share === undefined) throw new Error('downloads capability declared without shareFile');
    return share.call(harness(), content);
  };
  const download = harness;

  it.runIf(capabilities.downloads === true)(
    'describes a shared file and downloads it byte for byte',
    async () => {
      const bytes = new Uint8Array(100_000).map((_, i) => (i * 13) % 256);
      const file = await shared({ name: 'trace.pdf', mimeType: 'application/pdf', bytes });
      expect(file).toMatchObject({ name: 'trace.pdf', size: bytes.byteLength });
      expect(file.id).toMatch(/.+/);
      const port = download().port;
      if (port.downloadFile === undefined)
        throw new Error('downloads capability declared without downloadFile');
      const content = await port.downloadFile(file);
      expect(content.name).toBe('trace.pdf');
      expect(content.mimeType).toBe('application/pdf');
      expect(Array.from(content.bytes)).toEqual(Array.from(bytes));
    },
  );

  it.runIf(capabilities.downloads === true)(
    'answers a file gone from the platform as a non-retryable NotFound',
    async () => {
      const file = await shared({ name: 'a.txt', mimeType: 'text/plain', bytes: new Uint8Array([1]) });
      const port = download().port;
      const gone = {
        ...file,
        id: `${file.id}-gone`,
        ...(file.downloadUrl === undefined
          ? {}
          : { downloadUrl: `${file.downloadUrl.replace(/F0FAKE\d+/, 'F0GONE')}` }),
      };
      await expect(port.downloadFile?.(gone)).rejects.toMatchObject({ reason: 'NotFound', retryable: false });
    },
  );
}
