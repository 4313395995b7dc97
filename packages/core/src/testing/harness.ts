import type { ChatFile, ChatUser, FileContent } from '../domain/chat-event.ts';
import type { OnCall } from '../domain/on-call.ts';
import type { TicketAttachment, TicketStatus } from '../domain/ticket.ts';
import type { ChatPort } from '../ports/chat-port.ts';
import type { IssueRepo } from '../ports/issue-repo.ts';
import type { OnCallPort } from '../ports/on-call-port.ts';
import type { TicketPort } from '../ports/ticket-port.ts';
import type { TokenStore } from '../ports/token-store.ts';

/**
 * Failures a harness can inject into its adapter's next calls: `rate-limited` (HTTP 429 with
 * Retry-After), `unavailable` (HTTP 5xx / connection refused), `unauthorized` (bad token),
 * `timeout` (an answer slower than the adapter's timeout).
 */
export const FAULT_KINDS = ['rate-limited', 'unavailable', 'unauthorized', 'timeout'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** How many calls fail (default 1). */
  readonly count?: number;
  /** For `rate-limited`: what the vendor says to wait, in ms (default 1000). */
  readonly retryAfterMs?: number;
}

/** Every harness can be closed; close releases servers, connections and databases. */
export interface Closable {
  close?(): Promise<void>;
}

/** A message as the fake chat platform recorded it. */
export interface RecordedMessage {
  readonly id: string;
  readonly channel: string;
  readonly threadId?: string;
  /** The text as the platform shows it (after the adapter's escaping). */
  readonly text: string;
}

/**
 * How the platform writes what people type, so the suite can hand `toPlainText` real markup
 * without knowing the platform (Slack's `<@U1>`, Teams' `<at>Name</at>`...).
 */
export interface ChatMarkup {
  /** A mention of a user as the platform writes it (`name`: the display name a client shows). */
  mention(userId: string, name: string): string;
  /** A link with a label. */
  link(url: string, label: string): string;
  /** Plain text escaped so it reads as itself. */
  text(plain: string): string;
}

/** A fresh ChatPort plus the fake platform's back door. */
export interface ChatHarness extends Closable {
  readonly port: ChatPort;
  /** Adds a user to the fake platform's directory. */
  addUser(user: ChatUser): Promise<void> | void;
  /** Every message posted through the port so far, oldest first. */
  posted(): Promise<readonly RecordedMessage[]> | readonly RecordedMessage[];
  /** Makes the next call(s) to the platform fail. */
  failNext(kind: FaultKind, options?: FaultOptions): void;
  /** Someone shares a file on the platform: the file as the platform's event carries it (`downloads`). */
  shareFile?(content: FileContent): Promise<ChatFile> | ChatFile;
  /** The files the bot showed in a thread, oldest first, as the platform holds them (`fileUploads`). */
  filesIn?(channel: string, threadId: string): Promise<readonly FileContent[]> | readonly FileContent[];
}

/** What the ChatPort contract needs to know of the platform, so it assumes none. */
export interface ChatPlatformFixtures {
  /** A channel the fake platform has, in the platform's id format. */
  readonly channel: string;
  /** The platform's markup, for the `toPlainText` cases. */
  readonly markup: ChatMarkup;
}

/** Capabilities a ChatPort may have; the contract suite skips visibly where one is false. */
export interface ChatCapabilities {
  /** Implements `findMessage`. */
  readonly findMessage: boolean;
  /**
   * How much the platform tells about a person (default `full`: display name and email as the
   * directory holds them). `minimal`: only what the vendor guarantees (e.g. Slack's id and handle,
   * no email), as for guests, Slack Connect users or an app without the email scope.
   */
  readonly userProfiles?: 'full' | 'minimal';
  /** Implements `downloadFile`, and the harness has `shareFile`. */
  readonly downloads?: boolean;
  /** Implements `uploadFile`, `shareFile` and `isFileShared`, and the harness has `filesIn`. */
  readonly fileUploads?: boolean;
  /** Implements `updateMessage`. */
  readonly messageUpdates?: boolean;
}

/** A comment made on the ticketing side by a person (not through the port). */
export interface ExternalComment {
  readonly body: string;
  readonly public: boolean;
  readonly authorName: string;
  readonly authorId?: string;
  /** Files the person attaches (harnesses of adapters with `attachmentDownloads`). */
  readonly attachments?: readonly FileContent[];
}

/** A ticket created on the ticketing side, as an email would create it. */
export interface ExternalTicket {
  readonly subject: string;
  readonly body: string;
  readonly requesterName?: string;
  readonly requesterEmail?: string;
}

/** Ids that exist on the fake ticketing side, for creates, links and comments that name them. */
export interface TicketFixtures {
  /** A group tickets may be put in. */
  readonly groupId: string;
  /** An agent tickets may be assigned to and comments may be written as. */
  readonly agentId: string;
}

/** A fresh TicketPort plus the fake ticketing system's back door. */
export interface TicketHarness extends Closable {
  readonly port: TicketPort;
  /** Optional: ids the fake knows; without them the suites use made-up ids a strict fake rejects. */
  readonly fixtures?: TicketFixtures;
  /** Adds a comment as an agent or requester would; returns its id. */
  addExternalComment(ticketId: string, comment: ExternalComment): Promise<string> | string;
  /** Creates a ticket as an email would; returns its id. */
  createExternalTicket(ticket: ExternalTicket): Promise<string> | string;
  /** Closes a ticket for good, as an agent or automation would. */
  closeTicket(ticketId: string): Promise<void> | void;
  /** How many requests the fake has served so far (for cost assertions). */
  requestCount(): number;
  /** Optional: how many tickets the fake holds, so suites can prove a retry made no duplicate. */
  ticketCount?(): Promise<number> | number;
  /** Changes a ticket's status as the fixtures' agent would in the ticketing system's own UI. */
  setExternalStatus(ticketId: string, status: TicketStatus): Promise<void> | void;
  /** Merges `sourceId` into `targetId` as an agent would (the source ends closed). */
  mergeExternal(sourceId: string, targetId: string): Promise<void> | void;
  /** Deletes a ticket as an agent would. */
  deleteExternal(ticketId: string): Promise<void> | void;
  /** The closed ticket a follow-up continues, as the system recorded it. */
  followUpSourceOf(ticketId: string): Promise<string | undefined> | string | undefined;
  /** Makes the next call(s) to the system fail. */
  failNext(kind: FaultKind, options?: FaultOptions): void;
  /** Redacts a comment's text as an agent would (the system then records the redaction). */
  redactExternal(ticketId: string, commentId: string): Promise<void> | void;
  /** Deletes an attachment's file, as an agent redacting it would (`attachmentDownloads`). */
  removeAttachment?(attachment: TicketAttachment): Promise<void> | void;
}

/** Capabilities a TicketPort may have. */
export interface TicketCapabilities {
  /** The adapter recovers a create whose outcome was unknown (e.g. a timeout) without a duplicate. */
  readonly recoversUnknownCreate: boolean;
  /** The adapter has `uploadFile` and attaches `uploads` to comments and new tickets. */
  readonly uploads?: boolean;
  /**
   * The adapter has `downloadAttachment`; the harness adds external comments' `attachments` and
   * has `removeAttachment`.
   */
  readonly attachmentDownloads?: boolean;
}

/** A fresh OnCallPort plus the fake on-call system's back door. */
export interface OnCallHarness extends Closable {
  readonly port: OnCallPort;
  /** Sets who is on call for a policy. */
  setOnCall(policyId: string, onCall: OnCall): Promise<void> | void;
  /** Makes the next call(s) to the system fail. */
  failNext(kind: FaultKind, options?: FaultOptions): void;
}

/** A fresh, empty IssueRepo. */
export interface IssueRepoHarness extends Closable {
  readonly repo: IssueRepo;
}

/** A fresh, empty TokenStore. */
export interface TokenStoreHarness extends Closable {
  readonly store: TokenStore;
  /** A second store on the same data, as another process has it (own connections); default `store`. */
  readonly peer?: TokenStore;
}

/** Builds a fresh harness for each test. */
export type HarnessFactory<H> = () => Promise<H> | H;
