import { expect, it } from 'vitest';
import { isIntegrationError } from '../errors.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';

/** Two writes racing on one row end in one consistent result; the thread key includes the platform. */
export function issueConcurrencyTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;

  it('resolves an issue once under two concurrent markResolved: both see the same first time', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    const [a, b] = await Promise.all([
      repo().markResolved(issue.id, new Date('2026-11-02T10:00:00.000Z')),
      repo().markResolved(issue.id, new Date('2026-11-02T11:00:00.000Z')),
    ]);
    expect(a?.resolvedAt).toEqual(b?.resolvedAt);
    expect((await repo().findById(issue.id))?.resolvedAt).toEqual(a?.resolvedAt);
    expect(await repo().countOpen()).toBe(0);
  });

  it('attaches one of two concurrent different tickets; the other gets Conflict', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    const results = await Promise.allSettled([
      repo().attachTicket(issue.id, '7001'),
      repo().attachTicket(issue.id, '7002'),
    ]);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ticketId] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isIntegrationError(lost[0]) && lost[0].reason).toBe('Conflict');
    expect((await repo().findById(issue.id))?.ticketId).toBe(won[0]);
    expect((await repo().findByTicket(won[0] ?? ''))?.id).toBe(issue.id);
  });

  it('attaches the same ticket twice concurrently without error', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    const [a, b] = await Promise.all([
      repo().attachTicket(issue.id, '7003'),
      repo().attachTicket(issue.id, '7003'),
    ]);
    expect([a.ticketId, b.ticketId]).toEqual(['7003', '7003']);
  });

  it('keeps the same channel and thread id on two platforms as two issues', async () => {
    const slack = await repo().claimThread(chatIssue('1700000000.000100'));
    const teams = await repo().claimThread({ ...chatIssue('1700000000.000100'), platform: 'teams' });
    expect(slack.created && teams.created).toBe(true);
    expect(teams.issue.id).not.toBe(slack.issue.id);
    const key = { channel: 'C0SUPPORT', threadId: '1700000000.000100' };
    expect((await repo().findByThread({ ...key, platform: 'slack' }))?.id).toBe(slack.issue.id);
    expect((await repo().findByThread({ ...key, platform: 'teams' }))?.id).toBe(teams.issue.id);
    expect(await repo().findByThread({ ...key, platform: 'other' })).toBeUndefined();
  });
}
