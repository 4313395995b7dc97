import { MemoryChat, MemoryIssueRepo, MemoryTickets } from '@zenslackchat/adapters-memory';
import { botSettings, type ChatEvent, type Clock, SupportBot, silentLogger } from '@zenslackchat/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlatformBots } from '../src/jobs/platform-bots.ts';

const SLACK_CHANNEL = 'C0SUPPORT';
const TEAMS_CHANNEL = '19:support@thread.tacv2';

let slack: MemoryChat;
let teams: MemoryChat;
let tickets: MemoryTickets;
let repo: MemoryIssueRepo;
let bots: PlatformBots;

function event(platform: 'slack' | 'teams', id: string, text: string, threadId?: string): ChatEvent {
  return {
    eventId: `${platform}-${id}`,
    platform,
    channel: platform === 'slack' ? SLACK_CHANNEL : TEAMS_CHANNEL,
    messageId: id,
    ...(threadId === undefined ? {} : { threadId }),
    userId: 'U1',
    text,
    files: [],
  };
}

beforeEach(() => {
  const clock: Clock = { now: () => new Date('2026-12-07T09:00:00Z') };
  slack = new MemoryChat({ platform: 'slack', clock });
  teams = new MemoryChat({ platform: 'teams', clock });
  tickets = new MemoryTickets({ clock });
  repo = new MemoryIssueRepo();
  const bot = (chat: MemoryChat, supportChannel: string) =>
    new SupportBot({
      chat,
      tickets,
      repo,
      clock,
      logger: silentLogger,
      settings: botSettings({ supportChannel }),
    });
  bots = new PlatformBots({
    bots: new Map([
      ['slack', bot(slack, SLACK_CHANNEL)],
      ['teams', bot(teams, TEAMS_CHANNEL)],
    ]),
    repo,
    emailPlatform: 'teams',
    logger: silentLogger,
  });
});

describe('PlatformBots (the server picks the ChatPort by the issue platform)', () => {
  it("answers each platform's message on that platform only", async () => {
    await bots.handleChatMessage(event('teams', '1001', 'Teams is down'));
    await bots.handleChatMessage(event('slack', '1700000000.000100', 'Slack is down'));
    expect(teams.messages.map((m) => m.channel)).toEqual([TEAMS_CHANNEL]);
    expect(slack.messages.map((m) => m.channel)).toEqual([SLACK_CHANNEL]);
    const [teamsIssue] = (await repo.listIssues({ limit: 10, offset: 0 })).filter(
      (i) => i.platform === 'teams',
    );
    expect(teamsIssue).toMatchObject({ channel: TEAMS_CHANNEL, threadId: '1001' });
  });

  it("forwards an agent's comment to the thread of the platform the issue lives on", async () => {
    await bots.handleChatMessage(event('teams', '1001', 'Teams is down'));
    const issue = (await repo.listIssues({ limit: 10, offset: 0 }))[0];
    const ticketId = issue?.ticketId ?? '';
    tickets.addExternalComment(ticketId, { body: 'Looking at it', public: true, authorName: 'Agent' });
    await bots.handleTicketComments({ ticketId });
    expect(teams.messages.at(-1)).toMatchObject({ threadId: '1001' });
    expect(teams.messages.at(-1)?.text).toContain('Looking at it');
    expect(slack.messages).toEqual([]);
  });

  it('opens an emailed ticket on the configured platform, and resolves on the issue platform', async () => {
    const ticketId = tickets.createExternalTicket({ subject: 'By mail', body: 'Help', requesterName: 'Bea' });
    await bots.handleEmailTicket({ ticketId });
    expect(teams.messages.filter((m) => m.threadId === undefined)).toHaveLength(1);
    expect(slack.messages).toEqual([]);
    const issue = await repo.findByTicket(ticketId);
    expect(issue?.platform).toBe('teams');
    await bots.resolveIssue(issue?.id ?? '');
    expect((await repo.findById(issue?.id ?? ''))?.status).toBe('resolved');
    expect(slack.messages).toEqual([]);
  });

  it("posts one report per platform, each counting that platform's issues", async () => {
    await bots.handleChatMessage(event('teams', '1001', 'one'));
    await bots.handleChatMessage(event('teams', '1002', 'two'));
    await bots.handleChatMessage(event('slack', '1700000000.000100', 'three'));
    const before = { slack: slack.messages.length, teams: teams.messages.length };
    await bots.postDailyReport();
    await bots.postDailyReport();
    const slackReports = slack.messages.slice(before.slack);
    const teamsReports = teams.messages.slice(before.teams);
    expect(slackReports).toHaveLength(1);
    expect(teamsReports).toHaveLength(1);
    expect((await repo.lastReport('teams'))?.openCount).toBe(2);
    expect((await repo.lastReport('slack'))?.openCount).toBe(1);
  });

  it('ignores a chat event of a platform not configured here', async () => {
    await expect(
      bots.handleChatMessage({ ...event('slack', '1', 'x'), platform: 'discord' }),
    ).resolves.toMatchObject({
      outcome: 'ignored',
    });
  });

  it('with one platform, its bot reads the issue itself and leaves an issue of another platform alone', async () => {
    await bots.handleChatMessage(event('teams', '1001', 'Teams is down'));
    const issue = (await repo.listIssues({ limit: 10, offset: 0 }))[0];
    const ticketId = issue?.ticketId ?? '';
    tickets.addExternalComment(ticketId, { body: 'Looking at it', public: true, authorName: 'Agent' });
    const slackOnly = new PlatformBots({
      bots: new Map([
        [
          'slack',
          new SupportBot({
            chat: slack,
            tickets,
            repo,
            clock: { now: () => new Date('2026-12-07T09:00:00Z') },
            logger: silentLogger,
            settings: botSettings({ supportChannel: SLACK_CHANNEL }),
          }),
        ],
      ]),
      repo,
      emailPlatform: 'slack',
      logger: silentLogger,
    });
    const reads = { byTicket: 0 };
    const findByTicket = repo.findByTicket.bind(repo);
    repo.findByTicket = async (id: string) => {
      reads.byTicket += 1;
      return findByTicket(id);
    };
    await expect(slackOnly.handleTicketComments({ ticketId })).resolves.toEqual({
      outcome: 'ignored',
      reason: 'other-platform',
      issueId: issue?.id,
    });
    expect(reads.byTicket).toBe(1);
    expect(slack.messages).toEqual([]);
  });
});
