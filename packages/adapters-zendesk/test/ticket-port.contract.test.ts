import { ticketPortContract } from '@zenslackchat/core/testing';
import { zendeskTicketHarness } from '../src/fake/index.ts';

ticketPortContract('ZendeskTicketAdapter on the fake Zendesk', { recoversUnknownCreate: true }, () =>
  zendeskTicketHarness(),
);
