import { messageChangedEventOf, messageDeletedEventOf } from '@zenslackchat/adapters-slack/fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, raiseIssue } from '../support/issue-steps.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';
import { postZendeskWebhook } from '../support/zendesk-requests.ts';

const DESK = 'support-desk@example.com';
const MB = 1024 * 1024;

// The whole conversation crosses (issue 17): files both ways, edits and deletions, and people
// Slack shows no email for still open tickets.
describe('the whole conversation crosses', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({
      name: 'e2e_conversation',
      env: { ZENDESK_DEFAULT_REQUESTER_EMAIL: DESK, ATTACHMENT_MAX_MB: '5' },
    });
    bot.vendors.slack.addUser({ id: 'U0GUEST', name: 'Gwen Guest', kind: 'guest' });
    bot.vendors.slack.addUser({ id: 'U0PARTNER', name: 'Pat Partner', kind: 'external' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it.each([
    ['a guest', 'U0GUEST', 'Gwen Guest'],
    ['a Slack Connect user', 'U0PARTNER', 'Pat Partner'],
  ])(
    'opens a ticket for %s without an email, asked for the default requester and naming them',
    async (_who, user, name) => {
      const { slack, zendesk } = bot.vendors;
      const text = `Cannot reach the wiki (${user})`;
      const { delivery } = await slack.postAsUser({ channel: SUPPORT_CHANNEL, user, text });
      expect(delivery.status).toBe(200);
      const ticket = await waitFor(() => zendesk.tickets.find((t) => t.subject === text), {
        what: 'the ticket',
      });
      expect(zendesk.user(ticket.requester_id)).toMatchObject({ email: DESK });
      expect(ticket.description.startsWith(`Posted in chat by ${name}:\n\n${text}`)).toBe(true);
      await bot.settle();
      expect(zendesk.tickets.filter((t) => t.subject === text)).toHaveLength(1);
      expect(bot.server.logText()).not.toContain('job failed');
    },
  );

  it('turns an edit and a deletion of a forwarded reply into internal notes, once each', async () => {
    const { slack, zendesk } = bot.vendors;
    const { ts: root } = await slack.postAsUser({
      channel: SUPPORT_CHANNEL,
      user: ALICE.id,
      text: 'Printer jammed',
    });
    const ticket = await waitFor(() => zendesk.tickets.find((t) => t.subject === 'Printer jammed'), {
      what: 'the ticket',
    });
    const { ts: replyTs } = await slack.postAsUser({
      channel: SUPPORT_CHANNEL,
      user: ALICE.id,
      text: 'on floor 2',
      threadTs: root,
    });
    await waitFor(() => zendesk.comments(ticket.id).some((c) => c.body.endsWith('on floor 2')), {
      what: 'the reply on the ticket',
    });
    const message = slack.messages.find((m) => m.ts === replyTs)!;
    const teamId = slack.identity.teamId;
    const edit = messageChangedEventOf(message, teamId, 'on floor 3', '1900000000.000100');
    const first = await slack.deliverEvent(edit, { eventId: 'Ev0EDIT1' });
    expect(first.status).toBe(200);
    // Slack's retries of the same edit (same event_id) add nothing more.
    await slack.deliverEvent(edit, { eventId: 'Ev0EDIT1', retryNum: 1 });
    await slack.deliverEvent(edit, { eventId: 'Ev0EDIT1', retryNum: 2 });
    await slack.deliverEvent(messageDeletedEventOf(message, teamId, '1900000000.000200'), {
      eventId: 'Ev0DEL1',
    });
    await bot.settle();

    const notes = zendesk.comments(ticket.id).filter((c) => !c.public);
    expect(notes.map((c) => c.body)).toEqual([
      `${ALICE.name} edited their message in chat. It now reads:\n\non floor 3`,
      `${ALICE.name} deleted their message in chat; the comment here keeps what it said.`,
    ]);
    expect(
      zendesk
        .comments(ticket.id)
        .filter((c) => c.public)
        .map((c) => c.body),
    ).toEqual([expect.stringContaining('Printer jammed'), `${ALICE.name}: on floor 2`]);
  });

  it('copies a 3 MB image shared in the thread onto the ticket once, through a storm of Slack retries', async () => {
    const { slack, zendesk } = bot.vendors;
    const { ts: root } = await slack.postAsUser({
      channel: SUPPORT_CHANNEL,
      user: ALICE.id,
      text: 'Login page broken',
    });
    const ticket = await waitFor(() => zendesk.tickets.find((t) => t.subject === 'Login page broken'), {
      what: 'the ticket',
    });
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 256);
    const shared = await slack.shareFileAsUser(
      { channel: SUPPORT_CHANNEL, user: ALICE.id, text: 'this is what I see', threadTs: root },
      { name: 'login.png', mimetype: 'image/png', bytes },
    );
    expect(shared.delivery.status).toBe(200);
    // Slack retries the same event (same event_id) as if every answer had been too slow.
    await Promise.all(
      [1, 2, 3, 1, 2, 3].map((retryNum) =>
        slack.deliverEvent(shared.event, {
          eventId: shared.delivery.eventId,
          retryNum,
          retryReason: 'http_timeout',
        }),
      ),
    );
    await waitFor(() => zendesk.comments(ticket.id).some((c) => c.attachments.length > 0), {
      what: 'the comment with the image',
    });
    await bot.settle();

    const withFiles = zendesk.comments(ticket.id).filter((c) => c.attachments.length > 0);
    expect(withFiles).toHaveLength(1);
    expect(withFiles[0]?.body).toBe(`${ALICE.name}: this is what I see\n\nAttached files: login.png`);
    expect(withFiles[0]?.attachments.map((a) => a.file_name)).toEqual(['login.png']);
    const uploads = zendesk.requests.filter((r) => /^\/api\/v2\/uploads/.test(r.path));
    expect(uploads).toHaveLength(1);
    expect((uploads[0]?.body as Buffer | undefined)?.byteLength).toBe(bytes.byteLength);
    expect(slack.files.downloads.get(String(shared.file.id))).toBe(1);
  });

  it('links a 60 MB file with a note instead of copying it', async () => {
    const { slack, zendesk } = bot.vendors;
    const { ts: root } = await slack.postAsUser({
      channel: SUPPORT_CHANNEL,
      user: ALICE.id,
      text: 'Core dump attached',
    });
    const ticket = await waitFor(() => zendesk.tickets.find((t) => t.subject === 'Core dump attached'), {
      what: 'the ticket',
    });
    const shared = await slack.shareFileAsUser(
      { channel: SUPPORT_CHANNEL, user: ALICE.id, text: 'the dump', threadTs: root },
      { name: 'core.dump', mimetype: 'application/octet-stream', bytes: new Uint8Array(60 * 1024 * 1024) },
    );
    const comment = await waitFor(
      () => zendesk.comments(ticket.id).find((c) => c.body.includes('the dump')),
      {
        what: 'the comment linking the dump',
      },
    );
    expect(comment.attachments).toEqual([]);
    expect(comment.body).toContain(
      `Not attached (too large or not downloadable), open in chat: core.dump (${String(shared.file.permalink)})`,
    );
    expect(slack.files.downloads.get(String(shared.file.id))).toBeUndefined();
  });

  it('uploads a public agent comment’s PDF into the thread once and links a file above the limit; an internal note’s file never crosses', async () => {
    const { slack, zendesk } = bot.vendors;
    // Private attachments: each download needs the bot's Zendesk credentials, never sent elsewhere.
    zendesk.setPrivateAttachments(true);
    const issue = await raiseIssue(bot, ALICE.id, 'Invoice missing');
    const pdf = new Uint8Array(200_000).map((_, i) => (i * 13) % 256);
    zendesk.addComment(issue.ticketId, {
      body: 'Here it is',
      authorName: 'Agent Smith',
      attachments: [
        { name: 'report.pdf', contentType: 'application/pdf', bytes: pdf },
        // Above ATTACHMENT_MAX_MB (5 here): linked, never downloaded.
        { name: 'capture.pcap', contentType: 'application/octet-stream', bytes: new Uint8Array(5 * MB + 1) },
      ],
    });
    zendesk.addComment(issue.ticketId, {
      body: 'internal only',
      public: false,
      authorName: 'Agent Smith',
      attachments: [{ name: 'secret.pdf', contentType: 'application/pdf', bytes: new Uint8Array(100) }],
    });
    const [reportFile, captureFile] = zendesk.comments(issue.ticketId).at(-2)?.attachments ?? [];
    const trigger = async () => {
      const ticket = zendesk.ticket(issue.ticketId);
      const body = {
        token: bot.secrets.webhookToken,
        chat_id: ticket?.external_id ?? '',
        ticket_id: String(issue.ticketId),
      };
      return (await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status;
    };
    expect(await trigger()).toBe(200);
    await waitFor(() => botPostsIn(bot, issue.ts).some((post) => post.includes('report.pdf')), {
      what: 'the agent comment with its PDF',
    });
    expect(await trigger()).toBe(200);
    expect(await trigger()).toBe(200);
    await bot.settle();

    // The PDF itself is in the thread, byte for byte, shared once.
    const shared = slack.uploads.sharedIn(SUPPORT_CHANNEL, issue.ts);
    expect(shared.map((file) => [file.name, file.shares.length])).toEqual([['report.pdf', 1]]);
    expect(Buffer.compare(Buffer.from(shared[0]?.bytes ?? []), Buffer.from(pdf))).toBe(0);
    // The comment names both, with a link only for the file too large to copy.
    const posts = botPostsIn(bot, issue.ts).filter((post) => post.includes('report.pdf'));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain(`capture.pcap (${captureFile?.content_url})`);
    expect(posts[0]).not.toContain(String(reportFile?.content_url));
    // One download, the PDF's: with credentials on the Zendesk host, none on the download host.
    const downloads = zendesk.requests.filter((r) => r.path.startsWith('/attachments/token/'));
    expect(downloads.map((r) => r.path)).toEqual([new URL(String(reportFile?.content_url)).pathname]);
    expect(downloads[0]?.headers.authorization).toMatch(/^Basic /);
    expect(zendesk.cdnRequests.map((r) => r.authorization)).toEqual([undefined]);
    // The internal note's file crosses in no form.
    expect(botPostsIn(bot, issue.ts).some((post) => post.includes('secret'))).toBe(false);
    expect([...slack.uploads.byId.values()].some((file) => file.name === 'secret.pdf')).toBe(false);
    expect(bot.server.logText()).not.toContain('job failed');
  });
});
