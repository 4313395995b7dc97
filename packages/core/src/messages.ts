import type { OnCallPerson } from './domain/on-call.ts';

/** Every text the bot posts or writes, in one place so wording changes happen here only. */

/** The reply to a new chat request, linking its ticket. */
export function ticketConfirmation(ticketUrl: string): string {
  return `Hello, your new support request is ${ticketUrl}.`;
}

/** The line that links a ticket back to the chat message it came from. */
export function chatLinkLine(permalink: string): string {
  return `Raised in chat: ${permalink}`;
}

/** A ticket's description: the request's text, its files and the link back to chat. */
export function ticketDescription(text: string, fileNames: readonly string[], permalink: string): string {
  return [text, filesLine(fileNames), chatLinkLine(permalink)].filter((part) => part !== '').join('\n\n');
}

/** Opens the description of a ticket whose requester is not its chat author (the author has no email). */
export function chatAuthorLine(authorName: string): string {
  return `Posted in chat by ${authorName}:`;
}

/** The subject used when a request has no text at all (a bare file share). */
export function filesOnlySubject(fileNames: readonly string[]): string {
  return `Files shared: ${fileNames.join(', ')}`;
}

/** The subject used when a request's text has no words left once converted to plain text. */
export const untitledSubject = 'Support request from chat';

/** The list of commands the bot understands in a support thread. */
export const helpText = [
  'I understand these commands in a support thread:',
  '• `help`: show this list',
  '• `resolve`, `resolve ticket` or ✅: resolve the issue and solve its ticket',
  'Anything else you write in the thread is added to the ticket.',
].join('\n');

/** Confirms that a `resolve` command solved the ticket. */
export function resolvedConfirmation(ticketUrl: string): string {
  return `Understood. The issue is resolved and ticket ${ticketUrl} is solved.`;
}

/** The answer to a reply in the thread of a resolved issue. */
export function alreadyResolvedNotice(ticketUrl: string): string {
  return (
    `This issue is already resolved (${ticketUrl}) and nothing more is added to its ticket. ` +
    'Please post a new message in the channel to raise a new request.'
  );
}

/** A chat reply as it is added to the ticket. */
export function chatReplyComment(authorName: string, text: string, fileNames: readonly string[]): string {
  const files = filesLine(fileNames);
  const body = text === '' ? files : files === '' ? text : `${text}\n\n${files}`;
  return `${authorName}: ${body}`;
}

/** The internal note for a chat message edited after it reached the ticket. */
export function chatEditNote(authorName: string, text: string): string {
  return `${authorName} edited their message in chat. It now reads:\n\n${text}`;
}

/** The internal note for a chat message deleted after it reached the ticket. */
export function chatDeleteNote(authorName: string): string {
  return `${authorName} deleted their message in chat; the comment here keeps what it said.`;
}

/**
 * A public ticket comment as it is posted in the chat thread: its attachments named, with their
 * links when they were not copied into the thread.
 */
export function ticketCommentMessage(
  authorName: string,
  body: string,
  attachments: readonly { readonly name: string; readonly url?: string }[],
): string {
  const files = filesLine(attachments.map((file) => (file.url ? `${file.name} (${file.url})` : file.name)));
  return `${authorName} (Zendesk): ${files === '' ? body : `${body}\n\n${files}`}`;
}

/** What a forwarded ticket comment's chat message says once the comment was redacted in the ticket system. */
export const redactedCommentMessage = '(This comment was redacted in Zendesk.)';

/** The name shown for a ticket comment whose author has no name. */
export const unknownTicketAuthor = 'Support agent';

/** The name shown for a chat author the platform does not name. */
export const unknownChatAuthor = 'Someone in chat';

/** The top-level chat message that opens the thread of an emailed ticket. */
export function emailThreadOpening(subject: string, openingText: string): string {
  const opening = `(From Zendesk Email): ${subject}`;
  return openingText.trim() === '' ? opening : `${opening}\n\n${openingText.trim()}`;
}

/** The default public acknowledgement of an emailed ticket (no chat link: that is internal). */
export const defaultEmailAcknowledgement =
  'Thank you: the support team is aware of your request and is looking into it. Replies to this email reach them.';

/** The internal note that links an emailed ticket to its chat thread. */
export function emailTicketNote(permalink: string): string {
  return `This request is being discussed in chat: ${permalink}`;
}

/** Who is on call, one line per level; an empty level says nobody. */
export function onCallNotice(primary: readonly OnCallPerson[], secondary: readonly OnCallPerson[]): string {
  return `Primary on call: ${names(primary)}\nSecondary on call: ${names(secondary)}`;
}

/** The daily report. `periodLabel` names the days it counts resolutions for. */
export function dailyReport(openCount: number, resolvedCount: number, periodLabel: string): string {
  return `Daily report: ${openCount} open ${plural(openCount, 'issue')}; ${resolvedCount} ${plural(resolvedCount, 'issue')} resolved ${periodLabel}.`;
}

/** Labels a report period of one day (`on 2026-11-26`) or several (`from 2026-11-21 to 2026-11-23`). */
export function reportPeriodLabel(firstDay: string, lastDay: string): string {
  return firstDay === lastDay ? `on ${firstDay}` : `from ${firstDay} to ${lastDay}`;
}

/** The line naming chat files that reach the ticket as links only (too large, or not copyable). */
export function linkedFilesLine(files: readonly { readonly name: string; readonly url?: string }[]): string {
  const listed = files.map((file) => (file.url === undefined ? file.name : `${file.name} (${file.url})`));
  return `Not attached (too large or not downloadable), open in chat: ${listed.join(', ')}`;
}

function filesLine(fileNames: readonly string[]): string {
  return fileNames.length === 0 ? '' : `Attached files: ${fileNames.join(', ')}`;
}

function names(people: readonly OnCallPerson[]): string {
  return people.length === 0 ? 'nobody' : people.map((person) => person.name).join(', ');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** The thread is told its ticket was solved (or closed) on the ticketing side. */
export function ticketSolvedNotice(ticketUrl: string, status: string, byName: string | null): string {
  const by = byName === null ? '' : ` by ${byName}`;
  return `Ticket ${ticketUrl} was ${status === 'closed' ? 'closed' : 'solved'} in Zendesk${by}. The issue is resolved.`;
}

/** The thread is told its ticket was reopened on the ticketing side. */
export function ticketReopenedNotice(ticketUrl: string): string {
  return `Ticket ${ticketUrl} was reopened in Zendesk. The issue is open again.`;
}

/** A reply in the thread of a solved ticket reopened it. */
export function reopenedByReplyNotice(ticketUrl: string): string {
  return `Ticket ${ticketUrl} was solved; your reply is added to it and reopens it. The issue is open again.`;
}

/** A reply in the thread of a closed ticket opened a follow-up ticket. */
export function followUpNotice(closedUrl: string, followUpUrl: string): string {
  return `Ticket ${closedUrl} is closed, so your reply opened the follow-up ticket ${followUpUrl}. This thread now follows it.`;
}

/** The thread's ticket was merged into another one, which the thread now follows. */
export function mergedNotice(ticketUrl: string, targetUrl: string): string {
  return `Ticket ${ticketUrl} was merged into ${targetUrl} in Zendesk. This thread now follows it.`;
}

/** The thread's ticket was merged into a ticket another thread already follows. */
export function mergedElsewhereNotice(ticketUrl: string, targetUrl: string): string {
  return `Ticket ${ticketUrl} was merged into ${targetUrl} in Zendesk, which another thread follows. This issue is resolved.`;
}

/** The thread's ticket was deleted on the ticketing side. */
export function ticketDeletedNotice(ticketUrl: string): string {
  return `Ticket ${ticketUrl} was deleted in Zendesk. The issue is resolved.`;
}

/** The answer to `resolve` when the ticket is already solved on the ticketing side. */
export function alreadySolvedNotice(ticketUrl: string): string {
  return `Ticket ${ticketUrl} is already solved in Zendesk; nothing was changed.`;
}
