import type { FakeState } from './fake-state.ts';

/** A comment added on the Zendesk side, as an agent or the requester would in the UI. */
export interface FakeCommentInput {
  readonly body: string;
  readonly public?: boolean;
  /** An existing user; else a user named `authorName` is found or created. */
  readonly authorId?: string | number;
  readonly authorName?: string;
  /** `web` (default) or `email`. */
  readonly channel?: string;
  /** Files the person attaches; the fake keeps their bytes and serves them at their `content_url`. */
  readonly attachments?: readonly FakeFileInput[];
}

/** A file a person attaches in the UI. */
export interface FakeFileInput {
  readonly name: string;
  /** Default `application/octet-stream`. */
  readonly contentType?: string;
  readonly bytes: Uint8Array;
}

/** A ticket arriving by email. */
export interface FakeEmailTicketInput {
  readonly subject: string;
  readonly body: string;
  readonly requesterName?: string;
  readonly requesterEmail?: string;
}

/** Adds a comment to a ticket as a person would in the UI; returns its id. */
export function addUiComment(state: FakeState, ticketId: number, input: FakeCommentInput): string {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new Error(`fake zendesk: no ticket ${ticketId}`);
  const id = input.authorId === undefined ? undefined : Number(input.authorId);
  const known =
    id !== undefined
      ? state.users.get(id)
      : [...state.users.values()].find((u) => u.name === input.authorName);
  const author = known ?? state.addUser(input.authorName ?? 'Support Agent', null, 'agent', id);
  const comment = {
    body: input.body,
    public: input.public ?? true,
    authorId: author.id,
    channel: input.channel ?? 'web',
    ...(input.attachments
      ? {
          attachments: input.attachments.map((file) =>
            state.files.add(file.name, file.contentType ?? 'application/octet-stream', file.bytes),
          ),
        }
      : {}),
  };
  const { audit } = state.updateTicket(ticket, author.id, {}, comment);
  return String(audit.events[0]?.id);
}

/** Creates a ticket as an incoming email would (requester found or created by email); returns its id. */
export function createEmailTicket(state: FakeState, input: FakeEmailTicketInput): string {
  const email = input.requesterEmail ?? null;
  const requester =
    (email ? state.userByEmail(email) : undefined) ??
    state.addUser(input.requesterName ?? email ?? 'Anonymous', email, 'end-user');
  const { ticket } = state.createTicket({
    subject: input.subject,
    comment: { body: input.body, public: true, authorId: requester.id, channel: 'email' },
    requesterId: requester.id,
    submitterId: requester.id,
    channel: 'email',
  });
  return String(ticket.id);
}
