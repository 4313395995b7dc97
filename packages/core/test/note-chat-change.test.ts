import { describe, expect, it } from 'vitest';
import { botFixture, chatEvent, openIssue, reply } from './support/bot-fixture.ts';

const ROOT = '1700000000.000100';
const REPLY = '1700000000.000200';

// Edits and deletions arrive as the same neutral subtypes from every platform (Slack, Teams).
function edited(messageId: string, text: string, eventId: string, threadId?: string) {
  return chatEvent({
    messageId,
    text,
    eventId,
    subtype: 'message_changed',
    ...(threadId === undefined ? {} : { threadId }),
  });
}

async function issueWithReply() {
  const f = botFixture();
  const issue = await openIssue(f, ROOT, 'VPN down');
  await f.bot.handleChatMessage(reply(ROOT, REPLY, 'since 9am'));
  return { f, issue };
}

describe('edits and deletions in chat become internal notes', () => {
  it('notes an edited reply once per edit, internal and with the new text', async () => {
    const { f, issue } = await issueWithReply();
    const edit = edited(REPLY, 'since 8am actually', 'Ev-edit-1', ROOT);

    const outcome = await f.bot.handleChatMessage(edit);
    await f.bot.handleChatMessage(edit);
    await f.bot.handleChatMessage({ ...edit });

    expect(outcome).toMatchObject({
      outcome: 'change-noted',
      issueId: issue.issueId,
      ticketId: issue.ticketId,
    });
    const notes = f.tickets.comments(issue.ticketId).filter((c) => !c.public);
    expect(notes.map((c) => c.body)).toEqual([
      'Alice edited their message in chat. It now reads:\n\nsince 8am actually',
    ]);
    expect(f.tickets.comments(issue.ticketId).filter((c) => c.public)).toHaveLength(2);

    await f.bot.handleChatMessage(edited(REPLY, 'since 7am', 'Ev-edit-2', ROOT));
    expect(f.tickets.comments(issue.ticketId).filter((c) => !c.public)).toHaveLength(2);
  });

  it('notes an edit of the opening message on its ticket', async () => {
    const { f, issue } = await issueWithReply();
    await f.bot.handleChatMessage(edited(ROOT, 'VPN and wifi down', 'Ev-edit-root'));
    const [note] = f.tickets.comments(issue.ticketId).filter((c) => !c.public);
    expect(note?.body).toContain('VPN and wifi down');
  });

  it('notes a deletion once, even without the thread or author (Slack may send neither)', async () => {
    const { f, issue } = await issueWithReply();
    const deleted = chatEvent({ messageId: REPLY, subtype: 'message_deleted', text: '', eventId: 'Ev-del' });
    const { userId: _u, ...anonymous } = deleted;

    expect(await f.bot.handleChatMessage(anonymous)).toMatchObject({ outcome: 'change-noted' });
    await f.bot.handleChatMessage({ ...anonymous, eventId: 'Ev-del-again' });

    const notes = f.tickets.comments(issue.ticketId).filter((c) => !c.public);
    expect(notes.map((c) => c.body)).toEqual([
      'Someone in chat deleted their message in chat; the comment here keeps what it said.',
    ]);
  });

  it('ignores changes to messages that never reached a ticket: commands, untracked threads, link previews', async () => {
    const f = botFixture();
    await openIssue(f, ROOT, 'VPN down');
    await f.bot.handleChatMessage(reply(ROOT, '1700000000.000300', 'help'));
    const commentsBefore = f.tickets.comments('1').length;

    expect(await f.bot.handleChatMessage(edited('1700000000.000300', 'help me', 'Ev-a', ROOT))).toEqual({
      outcome: 'ignored',
      reason: 'untracked-message',
    });
    expect(await f.bot.handleChatMessage(edited('1.9', 'x', 'Ev-b', '1.8'))).toEqual({
      outcome: 'ignored',
      reason: 'untracked-message',
    });
    expect(await f.bot.handleChatMessage({ ...edited(ROOT, 'VPN down', 'Ev-c'), unchanged: true })).toEqual({
      outcome: 'ignored',
      reason: 'subtype',
    });
    expect(f.tickets.comments('1')).toHaveLength(commentsBefore);
  });

  it('never notes a change to the bot’s own posts', async () => {
    const { f, issue } = await issueWithReply();
    const self = await f.chat.whoAmI();
    const outcome = await f.bot.handleChatMessage(
      chatEvent({ messageId: ROOT, subtype: 'message_changed', userId: self.userId, text: 'x' }),
    );
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'own-message' });
    expect(f.tickets.comments(issue.ticketId).filter((c) => !c.public)).toHaveLength(0);
  });

  it('retries a change whose note failed, and writes it once', async () => {
    const { f, issue } = await issueWithReply();
    const edit = edited(REPLY, 'since 8am', 'Ev-edit', ROOT);
    f.tickets.faults.failNext('unavailable', { method: 'addComment' });
    await expect(f.bot.handleChatMessage(edit)).rejects.toMatchObject({ retryable: true });
    await f.bot.handleChatMessage(edit);
    expect(f.tickets.comments(issue.ticketId).filter((c) => !c.public)).toHaveLength(1);
  });

  it('gives up quietly on a closed ticket', async () => {
    const { f, issue } = await issueWithReply();
    f.tickets.setStatus(issue.ticketId, 'closed');
    expect(await f.bot.handleChatMessage(edited(REPLY, 'later', 'Ev-late', ROOT))).toEqual({
      outcome: 'ignored',
      reason: 'ticket-closed',
    });
  });
});
