import { expect, it } from 'vitest';
import type { TicketCapabilities, TicketHarness } from './harness.ts';
import { sampleTicket } from './ticket-comments-contract.ts';

const PNG = { name: 'screen.png', mimeType: 'image/png', bytes: new Uint8Array(2048).fill(42) };

/**
 * The file half of the TicketPort contract (`uploadFile`, `uploads` on comments and tickets;
 * `downloadAttachment`).
 */
export function ticketUploadTests(harness: () => TicketHarness, capabilities: TicketCapabilities): void {
  const port = () => harness().port;
  const upload = async () => {
    const uploadFile = port().uploadFile;
    if (uploadFile === undefined) throw new Error('uploads capability declared without uploadFile');
    return uploadFile.call(port(), PNG);
  };

  it.runIf(capabilities.uploads === true)(
    'attaches an uploaded file to the comment naming its token',
    async () => {
      const ticket = await port().createTicket(sampleTicket('upload-comment'));
      const { token } = await upload();
      expect(token).toMatch(/.+/);
      await port().addComment(ticket.id, { body: 'with a file', public: true, uploads: [token] });
      const [comment] = await port().listCommentsAfter(ticket.id, ticket.firstCommentId);
      expect(comment?.attachments).toEqual([
        expect.objectContaining({ name: 'screen.png', url: expect.stringMatching(/.+/) }),
      ]);
    },
  );

  it.runIf(capabilities.uploads === true)(
    'attaches an uploaded file to a new ticket’s first comment',
    async () => {
      const { token } = await upload();
      const ticket = await port().createTicket(sampleTicket('upload-ticket', { uploads: [token] }));
      const [first] = await port().listCommentsAfter(ticket.id, null);
      expect(first?.attachments.map((a) => a.name)).toEqual(['screen.png']);
    },
  );

  const download = () => {
    const downloadAttachment = port().downloadAttachment;
    const remove = harness().removeAttachment;
    if (downloadAttachment === undefined || remove === undefined)
      throw new Error(
        'attachmentDownloads capability declared without downloadAttachment or removeAttachment',
      );
    return { download: downloadAttachment.bind(port()), remove: remove.bind(harness()) };
  };
  const attached = async (name: string) => {
    const ticket = await port().createTicket(sampleTicket(`attachment-${name}`));
    const bytes = new Uint8Array(30_000).map((_, i) => (i * 11) % 256);
    await harness().addExternalComment(ticket.id, {
      body: 'the invoice',
      public: true,
      authorName: 'Dana',
      attachments: [{ name, mimeType: 'application/pdf', bytes }],
    });
    const [comment] = await port().listCommentsAfter(ticket.id, ticket.firstCommentId);
    return { bytes, attachment: comment?.attachments[0] };
  };

  it.runIf(capabilities.attachmentDownloads === true)(
    'lists a comment’s attachment with its id and size and downloads it byte for byte',
    async () => {
      const { bytes, attachment } = await attached('invoice.pdf');
      expect(attachment).toMatchObject({
        name: 'invoice.pdf',
        id: expect.stringMatching(/.+/),
        size: bytes.length,
      });
      if (attachment === undefined) throw new Error('no attachment');
      const content = await download().download(attachment);
      expect(content.name).toBe('invoice.pdf');
      expect(content.mimeType).toBe('application/pdf');
      expect(Array.from(content.bytes)).toEqual(Array.from(bytes));
    },
  );

  it.runIf(capabilities.attachmentDownloads === true)(
    'answers an attachment deleted since as a non-retryable NotFound',
    async () => {
      const { attachment } = await attached('gone.pdf');
      if (attachment === undefined) throw new Error('no attachment');
      await download().remove(attachment);
      await expect(download().download(attachment)).rejects.toMatchObject({
        reason: 'NotFound',
        retryable: false,
      });
    },
  );
}
