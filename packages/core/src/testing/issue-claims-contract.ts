import { expect, it } from 'vitest';
import type { NewChatIssue, NewEmailIssue } from '../ports/issue-repo.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { IssueRepoHarness } from './harness.ts';

/** A chat issue for thread `threadId` in channel C0SUPPORT on platform `slack`. */
export function chatIssue(
  threadId: string,
  openedAt = '2026-11-02T09:00:00.123Z',
  channel = 'C0SUPPORT',
): NewChatIssue {
  return { platform: 'slack', channel, threadId, openedAt: new Date(openedAt) };
}

/** An email issue for ticket `ticketId`. */
export function emailIssue(ticketId: string, openedAt = '2026-11-02T09:00:00.000Z'): NewEmailIssue {
  return { platform: 'slack', channel: 'C0SUPPORT', ticketId, openedAt: new Date(openedAt) };
}

/** Claims and attachment rules of the IssueRepo contract. */
export function issueClaimTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;

  it('claims a chat thread once: the second claim returns the same issue, not created', async () => {
    const first = await repo().claimThread(chatIssue('1700000000.000100'));
    expect(first.created).toBe(true);
    expect(first.issue).toEqual({
      id: first.issue.id,
      platform: 'slack',
      channel: 'C0SUPPORT',
      threadId: '1700000000.000100',
      ticketId: null,
      status: 'open',
      source: 'chat',
      openedAt: new Date('2026-11-02T09:00:00.123Z'),
      resolvedAt: null,
      commentCursor: null,
    });
    const again = await repo().claimThread(chatIssue('1700000000.000100', '2026-11-02T10:00:00.000Z'));
    expect(again).toEqual({ issue: first.issue, created: false });
  });

  it('keeps threads of other channels and other ids apart', async () => {
    const a = await repo().claimThread(chatIssue('1700000000.000100'));
    const b = await repo().claimThread(chatIssue('1700000000.000200'));
    const c = await repo().claimThread(chatIssue('1700000000.000100', undefined, 'C0OTHER'));
    expect(new Set([a.issue.id, b.issue.id, c.issue.id]).size).toBe(3);
    expect([a.created, b.created, c.created]).toEqual([true, true, true]);
  });

  it('yields one issue from 20 concurrent claims of one thread, exactly one of them created', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => repo().claimThread(chatIssue('1700000000.000300'))),
    );
    expect(new Set(claims.map((c) => c.issue.id)).size).toBe(1);
    expect(claims.filter((c) => c.created)).toHaveLength(1);
    expect(await repo().countOpen()).toBe(1);
  });

  it('claims an emailed ticket once, with no thread yet', async () => {
    const first = await repo().claimTicket(emailIssue('501'));
    expect(first.created).toBe(true);
    expect(first.issue).toMatchObject({ ticketId: '501', threadId: null, source: 'email', status: 'open' });
    expect(await repo().claimTicket(emailIssue('501'))).toEqual({ issue: first.issue, created: false });
    const claims = await Promise.all(Array.from({ length: 20 }, () => repo().claimTicket(emailIssue('502'))));
    expect(new Set(claims.map((c) => c.issue.id)).size).toBe(1);
    expect(claims.filter((c) => c.created)).toHaveLength(1);
  });

  it('finds issues by thread, ticket and id, and answers undefined for unknown ones', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    await repo().attachTicket(issue.id, '601');
    const expected = { ...issue, ticketId: '601' };
    expect(await repo().findByThread(chatIssue('1700000000.000100'))).toEqual(expected);
    expect(await repo().findByTicket('601')).toEqual(expected);
    expect(await repo().findById(issue.id)).toEqual(expected);
    expect(await repo().findByThread(chatIssue('1700000000.000100', undefined, 'C0OTHER'))).toBeUndefined();
    expect(await repo().findByTicket('602')).toBeUndefined();
    expect(await repo().findById('no-such-issue')).toBeUndefined();
  });

  it('attaches a ticket idempotently, and refuses a second ticket or a taken one', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    const other = (await repo().claimThread(chatIssue('1700000000.000200'))).issue;
    expect((await repo().attachTicket(issue.id, '701')).ticketId).toBe('701');
    expect((await repo().attachTicket(issue.id, '701')).ticketId).toBe('701');
    await expectIntegrationError(repo().attachTicket(issue.id, '702'), 'Conflict');
    await expectIntegrationError(repo().attachTicket(other.id, '701'), 'Conflict');
    expect((await repo().findById(other.id))?.ticketId).toBeNull();
    expect((await repo().findByTicket('701'))?.id).toBe(issue.id);
  });

  it('attaches a thread idempotently, and refuses a second thread or a taken one', async () => {
    const { issue } = await repo().claimTicket(emailIssue('801'));
    const chat = (await repo().claimThread(chatIssue('1700000000.000900'))).issue;
    const attached = await repo().attachThread(issue.id, '1700000000.000800');
    expect(attached).toMatchObject({
      id: issue.id,
      threadId: '1700000000.000800',
      ticketId: '801',
      source: 'email',
    });
    expect((await repo().attachThread(issue.id, '1700000000.000800')).threadId).toBe('1700000000.000800');
    await expectIntegrationError(repo().attachThread(issue.id, '1700000000.000801'), 'Conflict');
    const taken = (await repo().claimTicket(emailIssue('802'))).issue;
    await expectIntegrationError(repo().attachThread(taken.id, '1700000000.000900'), 'Conflict');
    expect((await repo().findByThread(chatIssue('1700000000.000800')))?.id).toBe(issue.id);
    expect((await repo().findByThread(chatIssue('1700000000.000900')))?.id).toBe(chat.id);
  });
}
