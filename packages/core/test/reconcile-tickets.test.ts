import { describe, expect, it } from 'vitest';
import { CallPacer, IntegrationError } from '../src/index.ts';
import { botFixture, CHANNEL, type Fixture, openIssue } from './support/bot-fixture.ts';

const DANA = { id: 'agent-dana', name: 'Dana' };

function pacer(f: Fixture, perMinute = 1000) {
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    f.clock.advance(ms);
  };
  return { pacer: new CallPacer({ perMinute, clock: f.clock, sleep }), slept };
}

async function sweep(f: Fixture, perMinute = 1000) {
  const run = pacer(f, perMinute);
  const outcome = await f.bot.reconcile({ pacer: run.pacer, owner: 'test' });
  if (outcome.outcome !== 'swept') throw new Error('sweep was busy');
  return { ...outcome.record, slept: run.slept };
}

describe('the reconciliation sweep', () => {
  it('heals missed comment and status notices, then finds nothing to do', async () => {
    const f = botFixture();
    const a = await openIssue(f, '1.1', 'first');
    const b = await openIssue(f, '1.2', 'second');
    const c = await openIssue(f, '1.3', 'third');
    f.clock.advance(10 * 60_000);
    // Nobody hears of these: the notices were lost.
    f.tickets.addExternalComment(a.ticketId, { body: 'Looking', public: true, authorName: 'Dana' });
    f.tickets.setStatus(b.ticketId, 'solved', DANA);
    f.tickets.deleteTicket(c.ticketId);
    f.clock.advance(10 * 60_000);
    const first = await sweep(f);
    expect(first).toMatchObject({ checked: 3, changed: 3, healed: 3, failed: 0 });
    expect(f.chat.messagesIn(CHANNEL, a.threadId).at(-1)?.text).toBe('Dana (Zendesk): Looking');
    expect(await f.repo.findById(b.issueId)).toMatchObject({ status: 'resolved', ticketStatus: 'solved' });
    expect(await f.repo.findById(c.issueId)).toMatchObject({ status: 'resolved', ticketStatus: 'deleted' });
    f.clock.advance(10 * 60_000);
    const second = await sweep(f);
    // b is resolved but solved tickets can still reopen, so it is still read; c is gone for good.
    expect(second).toMatchObject({ checked: 2, changed: 0, healed: 0, failed: 0, calls: 1 });
    expect(await f.repo.listSweeps(5)).toHaveLength(2);
    expect(f.logger.at('info').filter((l) => l.message === 'reconcile sweep done')).toHaveLength(2);
  });

  it('heals a missed reopen of a resolved issue', async () => {
    const f = botFixture();
    const { issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'solved', DANA);
    await f.bot.handleTicketComments({ ticketId });
    f.clock.advance(10 * 60_000);
    f.tickets.setStatus(ticketId, 'open', DANA);
    f.clock.advance(10 * 60_000);
    expect(await sweep(f)).toMatchObject({ changed: 1, healed: 1 });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'open', ticketStatus: 'open' });
  });

  it('reads 250 tickets in 3 bulk calls and spends one call per changed ticket', async () => {
    const f = botFixture({ withOnCallPort: false });
    const opened = [];
    for (let n = 0; n < 250; n += 1) opened.push(await openIssue(f, `1.${n}`, `issue ${n}`));
    f.clock.advance(10 * 60_000);
    await sweep(f); // first sight of every ticket
    f.clock.advance(10 * 60_000);
    for (const n of [3, 70, 140, 249]) {
      f.tickets.addExternalComment(opened[n]?.ticketId ?? '', {
        body: `c${n}`,
        public: true,
        authorName: 'Dana',
      });
    }
    f.tickets.setStatus(opened[7]?.ticketId ?? '', 'solved', DANA);
    f.clock.advance(10 * 60_000);
    const record = await sweep(f);
    expect(record).toMatchObject({ checked: 250, changed: 5, healed: 5, failed: 0 });
    // 3 bulk reads and one history read per changed ticket (its comments, status and last status
    // change together): the budget of ceil(open / 100) + changed.
    expect(record.calls).toBe(3 + 5);
  });

  it('keeps under its share of the rate limit, and waits as told on a 429', async () => {
    const f = botFixture({ withOnCallPort: false });
    for (let n = 0; n < 5; n += 1) await openIssue(f, `1.${n}`, `issue ${n}`);
    f.tickets.faults.failNext('rate-limited', { retryAfterMs: 7000 });
    const record = await sweep(f, 2);
    // Five changed tickets: 1 bulk read (+1 after the 429) and 5 history reads, at 2 a minute.
    expect(record).toMatchObject({ checked: 5, changed: 5, failed: 0, calls: 7 });
    expect(record.slept[0]).toBe(7000);
    expect(record.finishedAt.getTime() - record.startedAt.getTime()).toBeGreaterThanOrEqual(3 * 60_000);
  });

  it('runs one sweep at a time: a second one while the first holds the lease is busy', async () => {
    const f = botFixture();
    await openIssue(f);
    expect(
      await f.repo.acquireLease(
        'reconcile',
        'other-process',
        f.clock.now(),
        new Date(f.clock.now().getTime() + 60_000),
      ),
    ).toBe(true);
    expect(await f.bot.reconcile({ pacer: pacer(f).pacer, owner: 'me' })).toEqual({ outcome: 'busy' });
    f.clock.advance(61_000);
    expect(await f.bot.reconcile({ pacer: pacer(f).pacer, owner: 'me' })).toMatchObject({ outcome: 'swept' });
  });

  it('counts a ticket it could not bring in step as failed and carries on', async () => {
    const f = botFixture({ withOnCallPort: false });
    await openIssue(f, '1.1', 'a');
    await openIssue(f, '1.2', 'b');
    f.tickets.faults.failNext('unauthorized', { count: 1 });
    // The bulk read fails without retry: the whole page waits for the next sweep.
    expect(await sweep(f)).toMatchObject({ checked: 2, changed: 0, failed: 2 });
    expect(await sweep(f)).toMatchObject({ checked: 2, changed: 2, failed: 0 });
  });
});

describe('pacedTickets', () => {
  it('keeps the port’s optional methods: a sweep that heals a missed comment copies its file into the thread', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f, '1.1', 'invoice please');
    f.clock.advance(10 * 60_000);
    const bytes = new Uint8Array(1500).fill(7);
    const file = {
      name: 'invoice.pdf',
      url: 'https://acme.zendesk.com/attachments/token/T1/?name=invoice.pdf',
      mimeType: 'application/pdf',
      bytes,
    };
    // Nobody hears of this comment: the sweep finds it.
    f.tickets.addExternalComment(ticketId, {
      body: 'here',
      public: true,
      authorName: 'Dana',
      attachments: [file],
    });
    const { pacer: p } = pacer(f);
    const callsBefore = p.calls;
    await f.bot.reconcile({ pacer: p, owner: 'test' });
    expect(f.chat.filesIn(CHANNEL, threadId).map((shared) => shared.name)).toEqual(['invoice.pdf']);
    expect(f.tickets.callCount('downloadAttachment')).toBe(1);
    expect(p.calls - callsBefore).toBeGreaterThanOrEqual(2);
  });
});

describe('CallPacer', () => {
  it('gives up after its retries and rethrows what is not a rate limit', async () => {
    const f = botFixture();
    const { pacer: p } = pacer(f, 10);
    const limited = new IntegrationError('RateLimited', 'slow down', { retryAfterMs: 1 });
    let tries = 0;
    await expect(
      p.run(async () => {
        tries += 1;
        throw limited;
      }),
    ).rejects.toBe(limited);
    expect(tries).toBe(4);
    await expect(
      p.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
