import { describe, expect, it } from 'vitest';
import { type ChatEvent, SupportBot } from '../src/index.ts';
import { botFixture, chatEvent, type Fixture, openIssue, reply } from './support/bot-fixture.ts';
import { type FailMode, StepFaults } from './support/step-faults.ts';

type Scenario = {
  /** Brings the fixture to the state the step starts from (through an unwrapped bot). */
  readonly setup: (f: Fixture) => Promise<unknown>;
  /** The one use-case run under test. */
  readonly step: (bot: SupportBot, f: Fixture) => Promise<unknown>;
};

const threadReply = (text: string): ChatEvent => reply('1700000000.000100', '1700000001.000100', text);

const SCENARIOS: Record<string, Scenario> = {
  'a new chat request': {
    setup: async () => undefined,
    step: (bot) =>
      bot.handleChatMessage(chatEvent({ messageId: '1700000000.000100', text: 'Printer on fire' })),
  },
  'a thread reply': {
    setup: (f) => openIssue(f),
    step: (bot) => bot.handleChatMessage(threadReply('more detail')),
  },
  'a resolve command': {
    setup: (f) => openIssue(f),
    step: (bot) => bot.handleChatMessage(threadReply('resolve')),
  },
  'an admin resolve': {
    setup: (f) => openIssue(f),
    step: async (bot, f) => bot.resolveIssue((await f.repo.listIssues({ limit: 1, offset: 0 }))[0]?.id ?? ''),
  },
  'a help command': { setup: (f) => openIssue(f), step: (bot) => bot.handleChatMessage(threadReply('help')) },
  'a ticket comment notice': {
    setup: async (f) => {
      const { ticketId } = await openIssue(f);
      for (const [body, isPublic] of [
        ['first', true],
        ['internal', false],
        ['second', true],
      ] as const) {
        f.tickets.addExternalComment(ticketId, { body, public: isPublic, authorName: 'Dana' });
      }
    },
    step: (bot) => bot.handleTicketComments({ ticketId: '1' }),
  },
  'an emailed ticket': {
    setup: async (f) => f.tickets.createExternalTicket({ subject: 'VPN', body: 'VPN is down' }),
    step: (bot) => bot.handleEmailTicket({ ticketId: '1' }),
  },
  'the daily report': {
    setup: async (f) => {
      await openIssue(f);
      f.clock.set(new Date('2026-06-16T08:00:00Z'));
    },
    step: (bot) => bot.postDailyReport(),
  },
};

/** Everything observable through the adapters' back doors. */
async function observe(f: Fixture) {
  return {
    chat: f.chat.messages.map((m) => ({ id: m.id, channel: m.channel, threadId: m.threadId, text: m.text })),
    tickets: f.tickets.tickets.map((t) => ({
      ...t,
      comments: f.tickets.comments(t.id).map((c) => ({ body: c.body, public: c.public })),
    })),
    issues: await f.repo.listIssues({ limit: 100, offset: 0 }),
    reports: await f.repo.listReports(10),
  };
}

/** A fixture whose measured bot runs on counted, fallible wrappers of the same adapters. */
async function prepared(scenario: Scenario) {
  // A job is retried after the failed run's lease has ended (a lost `beginDelivery` answer leaves
  // the lease held until then); a zero lease stands for that without moving the clock.
  const f = botFixture({ settings: { escalationPolicyId: 'P1', deliveryLeaseMs: 0 } });
  f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [{ name: 'Bob' }] });
  await scenario.setup(f);
  const faults = new StepFaults();
  const { clock, logger, settings, onCall } = f;
  const ports = { chat: faults.wrap(f.chat, 'chat'), tickets: faults.wrap(f.tickets, 'tickets') };
  const bot = new SupportBot({
    ...ports,
    repo: faults.wrap(f.repo, 'repo'),
    onCall,
    clock,
    logger,
    settings,
  });
  return { f, faults, bot };
}

describe.each(Object.entries(SCENARIOS))('%s, failed at any step then run again', (_name, scenario) => {
  it.each(['before', 'after'] as const)(
    'ends as a clean run does (failure %s the call)',
    async (mode: FailMode) => {
      const clean = await prepared(scenario);
      await scenario.step(clean.bot, clean.f);
      const expected = await observe(clean.f);
      const steps = clean.faults.labels.length;
      expect(steps).toBeGreaterThan(2);

      for (let step = 1; step <= steps; step += 1) {
        const run = await prepared(scenario);
        run.faults.failAt(step, mode);
        await expect(scenario.step(run.bot, run.f), `step ${step}`).rejects.toMatchObject({
          reason: 'Unavailable',
        });
        const failedAt = run.faults.labels.at(-1);
        run.faults.disarm();
        await scenario.step(run.bot, run.f);
        expect(await observe(run.f), `failure ${mode} step ${step} (${failedAt})`).toEqual(expected);
      }
    },
  );
});
