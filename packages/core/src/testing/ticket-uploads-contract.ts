import { expect, it } from 'vitest';
import type { TicketCapabilities, TicketHarness } from './harness.ts';
import { sampleTicket } from './ticket-comments-contract.ts';

const PNG = { name: 'screen.png', mimeType: 'image/png', bytes: new Uint8Array(2048).fill(42) };

/** The upload half of the TicketPort contract (`uploadFile`, `uploads` on comments and tickets). */
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
      expect(comment?.attachments).toEqual([{ name: 'screen.png', url: expect.stringMatching(/.+/) }]);
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
}
