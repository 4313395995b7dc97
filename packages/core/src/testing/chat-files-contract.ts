import { expect, it } from 'vitest';
import type { FileContent } from '../domain/chat-event.ts';
import type { ChatCapabilities, ChatHarness, ChatPlatformFixtures } from './harness.ts';

/**
 * The file half of the ChatPort contract (`downloadFile`; `uploadFile`, `shareFile`,
 * `isFileShared`); called inside `chatPortContract`.
 */
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

/** The upload half: a file put on the platform shows nowhere until shared, then in its thread once. */
export function chatUploadTests(
  harness: () => ChatHarness & ChatPlatformFixtures,
  capabilities: ChatCapabilities,
): void {
  const channel = () => harness().channel;
  const uploads = () => {
    const { port } = harness();
    const { uploadFile, shareFile, isFileShared } = port;
    const filesIn = harness().filesIn;
    if (!uploadFile || !shareFile || !isFileShared || !filesIn)
      throw new Error(
        'fileUploads capability declared without uploadFile, shareFile, isFileShared or filesIn',
      );
    return {
      upload: (content: FileContent) => uploadFile.call(port, content),
      share: (fileId: string, threadId: string) =>
        shareFile.call(port, { fileId, channel: channel(), threadId }),
      isShared: (fileId: string, threadId: string) =>
        isFileShared.call(port, { fileId, channel: channel(), threadId }),
      filesIn: (threadId: string) => filesIn.call(harness(), channel(), threadId),
    };
  };
  const thread = async (text: string) =>
    (await harness().port.postMessage({ channel: channel(), text, key: `files-${text}` })).id;

  it.runIf(capabilities.fileUploads === true)(
    'uploads a file, shows it only once shared, in that thread, byte for byte',
    async () => {
      const files = uploads();
      const root = await thread('root');
      const other = await thread('other');
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
      const { id } = await files.upload({ name: 'invoice.pdf', mimeType: 'application/pdf', bytes });
      expect(id).toMatch(/.+/);
      expect(await files.filesIn(root)).toEqual([]);
      expect(await files.isShared(id, root)).toBe(false);

      await files.share(id, root);

      const shown = await files.filesIn(root);
      expect(shown.map((f) => f.name)).toEqual(['invoice.pdf']);
      expect(Array.from(shown[0]?.bytes ?? [])).toEqual(Array.from(bytes));
      expect(await files.isShared(id, root)).toBe(true);
      expect(await files.isShared(id, other)).toBe(false);
      expect(await files.filesIn(other)).toEqual([]);
    },
  );

  it.runIf(capabilities.fileUploads === true)(
    'answers a share of a file never uploaded as a non-retryable refusal',
    async () => {
      const root = await thread('unknown');
      await expect(uploads().share('F0NEVER0UPLOADED', root)).rejects.toMatchObject({ retryable: false });
      expect(await uploads().filesIn(root)).toEqual([]);
    },
  );
}
