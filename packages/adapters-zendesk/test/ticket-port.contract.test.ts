import { ticketPortContract } from '@zenslackchat/core/testing';
import { FAKE_MODES, zendeskTicketHarness } from '../src/fake/index.ts';

// Once on every documented field (full) and once on only what every answer must carry (minimal).
for (const mode of FAKE_MODES) {
  ticketPortContract(
    `ZendeskTicketAdapter on the fake Zendesk (${mode} answers)`,
    { recoversUnknownCreate: true, uploads: true, attachmentDownloads: true },
    () => zendeskTicketHarness({ mode }),
  );
}
