import type { ChatEvent } from '@zenslackchat/core';

/** What the sandbox hands to the bot's durable intake (the server's `acceptChatEvent`/`acceptTicketNotice`). */
export interface SandboxIntake {
  acceptChat(intake: { readonly eventId: string; readonly event: ChatEvent }): Promise<unknown>;
  acceptTicket(intake: {
    readonly kind: 'comment' | 'email';
    readonly ticketId: string;
    readonly externalId?: string;
    readonly deliveryId?: string;
  }): Promise<unknown>;
}
