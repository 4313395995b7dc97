import { expect, it } from 'vitest';
import type { IssueQuery } from '../ports/issue-repo.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue, emailIssue } from './issue-claims-contract.ts';

/** Summaries and text search of the IssueRepo contract. */
export function issueSearchTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;
  const ids = async (query: Omit<IssueQuery, 'limit' | 'offset'>, limit = 50, offset = 0) =>
    (await repo().listIssues({ ...query, limit, offset })).map((issue) => issue.id);

  /** Three chat issues and one emailed, newest last, each with a summary. */
  async function seed() {
    const subjects = ['Printer on fire', 'VPN is down again', 'printer paper jam', '100% disk_usage'];
    const made: string[] = [];
    for (const [i, subject] of subjects.entries()) {
      const openedAt = `2026-11-0${i + 1}T09:00:00.000Z`;
      if (i === 1) {
        made.push((await repo().claimTicket({ ...emailIssue('801', openedAt), summary: subject })).issue.id);
      } else {
        const { issue } = await repo().claimThread(chatIssue(`1700000000.00010${i}`, openedAt));
        await repo().attachTicket(issue.id, `70${i}`, subject);
        made.push(issue.id);
      }
    }
    return made;
  }

  it('keeps the summary given with the ticket or the emailed claim', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    expect(issue.summary).toBeUndefined();
    expect((await repo().attachTicket(issue.id, '701', 'Printer on fire')).summary).toBe('Printer on fire');
    expect((await repo().attachTicket(issue.id, '701')).summary).toBe('Printer on fire');
    expect((await repo().findById(issue.id))?.summary).toBe('Printer on fire');
    const email = await repo().claimTicket({ ...emailIssue('801'), summary: 'VPN is down' });
    expect((await repo().findByTicket('801'))?.summary).toBe('VPN is down');
    expect(email.issue.summary).toBe('VPN is down');
  });

  it('finds issues whose summary contains the text, ignoring case, newest first', async () => {
    const [fire, vpn, jam] = await seed();
    expect(await ids({ search: 'PRINTER' })).toEqual([jam, fire]);
    expect(await ids({ search: 'down' })).toEqual([vpn]);
    expect(await ids({ search: 'no such words' })).toEqual([]);
  });

  it('takes % and _ in the text literally', async () => {
    const [, , , disk] = await seed();
    expect(await ids({ search: '100%' })).toEqual([disk]);
    expect(await ids({ search: 'k_u' })).toEqual([disk]);
    expect(await ids({ search: '%' })).toEqual([disk]);
    expect(await ids({ search: 'r_o' })).toEqual([]);
  });

  it('finds an issue by its exact ticket, thread or issue id', async () => {
    const [fire, vpn] = await seed();
    expect(await ids({ search: '700' })).toEqual([fire]);
    expect(await ids({ search: '801' })).toEqual([vpn]);
    expect(await ids({ search: '1700000000.000100' })).toEqual([fire]);
    expect(await ids({ search: fire! })).toEqual([fire]);
    expect(await ids({ search: '70' })).toEqual([]);
  });

  it('combines search with the status and source filters and pages the matches', async () => {
    const [fire, , jam] = await seed();
    await repo().markResolved(fire!, new Date('2026-11-10T00:00:00.000Z'));
    expect(await ids({ search: 'printer', status: 'open' })).toEqual([jam]);
    expect(await ids({ search: 'printer', source: 'email' })).toEqual([]);
    expect(await ids({ search: 'printer' }, 1, 1)).toEqual([fire]);
    expect(await ids({ search: '  ' })).toHaveLength(4);
  });
}
