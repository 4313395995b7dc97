import { ticketPortContract } from '@zenslackchat/core/testing';
import { memoryHarnesses } from '../src/index.ts';

ticketPortContract(
  'MemoryTickets',
  { recoversUnknownCreate: true, uploads: true, attachmentDownloads: true },
  memoryHarnesses.tickets,
);
