import { describe, expect, it } from 'vitest';
import { botFixture, openIssue } from './support/bot-fixture.ts';

describe("an issue's summary", () => {
  it('is the ticket subject of a chat request, set with its ticket', async () => {
    const f = botFixture();
    const { issueId } = await openIssue(f, '1700000000.000100', 'Printer on fire\nIt is smoking.');
    expect((await f.repo.findById(issueId))?.summary).toBe('Printer on fire');
    expect((await f.repo.listIssues({ search: 'printer', limit: 5, offset: 0 })).map((i) => i.id)).toEqual([
      issueId,
    ]);
  });

  it('is the subject of an emailed ticket, set when the issue is claimed', async () => {
    const f = botFixture();
    const ticketId = f.tickets.createExternalTicket({ subject: 'VPN is down', body: 'Since 9am.' });
    const outcome = await f.bot.handleEmailTicket({ ticketId });
    expect(outcome.outcome).toBe('thread-opened');
    expect((await f.repo.findByTicket(ticketId))?.summary).toBe('VPN is down');
  });
});
