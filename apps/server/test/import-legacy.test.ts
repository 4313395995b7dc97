import { openDatabase } from '@zenslackchat/adapters-postgres';
import { IssueRepo, TicketPort } from '@zenslackchat/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importLegacyIssue } from '../src/cli/legacy/import-legacy.ts';
import { readLegacyIssues } from '../src/cli/legacy/legacy-issues.ts';
import { importLegacy } from '../src/cli/legacy/run-import.ts';
import { loadConfig } from '../src/config/index.ts';
import { freshPostgres } from './support/databases.ts';
import { CHANNEL, type Fakes, startFakes, startServer, zendeskWebhook } from './support/e2e-harness.ts';
import { logCapture } from './support/log-capture.ts';

// The original bot's table as its Django migrations create it (uktrade/django-zenslackchat,
// zenslackchat/models.py: ZenSlackChat), on a real Postgres database of its own.
const LEGACY_DDL = `create table zenslackchat_zenslackchat (
  id serial primary key,
  channel_id varchar(22) not null,
  chat_id varchar(20) not null,
  ticket_id varchar(20),
  active boolean not null,
  opened timestamp with time zone not null,
  closed timestamp with time zone,
  unique (channel_id, chat_id))`;

const DAY = 86_400_000;
const OPEN_TS = '1597931771.007500';
const CLOSED_TS = '1597931800.000100';

describe('pnpm zenslackchat import-legacy', () => {
  let fakes: Fakes;
  let legacy: Awaited<ReturnType<typeof freshPostgres>>;
  let target: Awaited<ReturnType<typeof freshPostgres>>;
  let openTicket: string;
  let closedTicket: string;
  const io = { logStream: logCapture().stream, quiet: true };

  beforeAll(async () => {
    legacy = await freshPostgres('zsc_legacy');
    target = await freshPostgres('zsc_import');
    fakes = await startFakes({ DATABASE_URL: target.url });
    openTicket = fakes.zendesk.createEmailTicket({ subject: 'VPN is down', body: 'since 9' });
    fakes.zendesk.addComment(openTicket, {
      body: 'Already forwarded by the old bot',
      public: true,
      authorName: 'Dana',
    });
    closedTicket = fakes.zendesk.createEmailTicket({ subject: 'Printer', body: 'jammed' });
    const db = await openDatabase({ url: legacy.url, poolMax: 1 });
    await sql.raw(LEGACY_DDL).execute(db.db);
    const now = Date.now();
    const rows: [string, string | null, boolean, number, number | null][] = [
      [OPEN_TS, openTicket, true, now - 10 * DAY, null],
      [CLOSED_TS, closedTicket, false, now - 5 * DAY, now - 2 * DAY],
      ['1597931900.000100', '999', false, now - 90 * DAY, now - 60 * DAY],
      ['not-a-ts', '1000', true, now - DAY, null],
    ];
    for (const [chat, ticket, active, opened, closed] of rows) {
      await sql`insert into zenslackchat_zenslackchat (channel_id, chat_id, ticket_id, active, opened, closed)
        values (${CHANNEL}, ${chat}, ${ticket}, ${active}, ${new Date(opened)}, ${closed === null ? null : new Date(closed)})`.execute(
        db.db,
      );
    }
    await db.close();
  });
  afterAll(async () => {
    await fakes?.close();
    await legacy?.drop();
    await target?.drop();
  });

  it('reads open and recently closed issues, and names the rows it cannot use', async () => {
    const read = await readLegacyIssues(legacy.url, new Date(Date.now() - 7 * DAY));
    expect(read.issues.map((issue) => issue.chat_id)).toEqual([OPEN_TS, CLOSED_TS]);
    expect(read.invalid).toEqual(['row 4: chat_id must be a Slack message ts']);
  });

  it('a dry run says what it would import and changes nothing', async () => {
    const config = loadConfig(fakes.env);
    const result = await importLegacy(config, { from: legacy.url, dryRun: true, days: 7 }, io);
    expect(result).toMatchObject({ dryRun: true, found: 2, wouldImport: 2, alreadyImported: 0 });
    const db = await openDatabase({ url: target.url, poolMax: 1 });
    const { rows } = await sql<{ n: string }>`select count(*) as n from issues`.execute(db.db);
    await db.close();
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('imports each issue once, with its ticket, status and comment sync after the newest comment', async () => {
    const config = loadConfig(fakes.env);
    const first = await importLegacy(config, { from: legacy.url, dryRun: false, days: 7 }, io);
    expect(first).toMatchObject({ found: 2, imported: 2, alreadyImported: 0 });
    const again = await importLegacy(config, { from: legacy.url, dryRun: false, days: 7 }, io);
    expect(again).toMatchObject({ found: 2, imported: 0, alreadyImported: 2 });

    const running = await startServer(fakes.env);
    try {
      const repo = running.server.container.resolve<IssueRepo>(IssueRepo);
      const open = await repo.findByTicket(openTicket);
      expect(open).toMatchObject({
        status: 'open',
        channel: CHANNEL,
        threadId: OPEN_TS,
        summary: 'VPN is down',
      });
      expect(open?.commentCursor).toBe(String(fakes.zendesk.comments(openTicket).at(-1)?.id));
      const closed = await repo.findByTicket(closedTicket);
      expect(closed).toMatchObject({ status: 'resolved', threadId: CLOSED_TS });

      // Two overlapping runs of one legacy issue on a fresh thread: one issue.
      const tickets = running.server.container.resolve<TicketPort>(TicketPort);
      const extra = {
        id: 99,
        channel_id: CHANNEL,
        chat_id: '1597932000.000100',
        ticket_id: null,
        active: true,
        opened: new Date(),
        closed: null,
      };
      const both = await Promise.all([
        importLegacyIssue(repo, tickets, extra, false),
        importLegacyIssue(repo, tickets, extra, false),
      ]);
      expect(both.map((o) => o.action).sort()).toEqual(['exists', 'imported']);

      // A comment webhook from the old bot's trigger (external id = the bare Slack ts) is recognised.
      fakes.zendesk.addComment(openTicket, { body: 'Fixed the VPN', public: true, authorName: 'Dana' });
      const body = { chat_id: OPEN_TS, ticket_id: openTicket };
      expect((await zendeskWebhook(running.server, '/zendesk/webhook/', body, 'legacy-1')).statusCode).toBe(
        200,
      );
      const posts = () => fakes.slack.messages.filter((m) => m.threadTs === OPEN_TS).map((m) => m.text);
      await vi.waitFor(() => expect(posts()).toEqual(['Dana (Zendesk): Fixed the VPN']), { timeout: 20_000 });
    } finally {
      await running.server.stop();
    }
  });
});
