import {
  FAKE_TEAMS_CHANNEL,
  FakeTeams,
  makeSigningKey,
  messageActivityOf,
  sendActivity,
  teamsToPlainText,
} from '@zenslackchat/adapters-teams/fake';
import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFixture } from '../support/bot-fixture.ts';
import { TICKET_URI } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';
import { postZendeskWebhook } from '../support/zendesk-requests.ts';

// The built server with Slack and Microsoft Teams side by side, Teams against its fake (Bot
// Connector, Graph, token issuer, OpenID metadata): the same flows as Slack's, through /teams/messages.
const CAROL = { id: '29:1carolTeamsUserId', name: 'Carol Teams', email: 'carol@example.com' };

describe('Microsoft Teams next to Slack', () => {
  let teams: FakeTeams;
  let bot: BotFixture;
  let url: string;

  beforeAll(async () => {
    teams = await FakeTeams.start();
    teams.addUser(CAROL);
    bot = await BotFixture.start({
      name: 'e2e_teams',
      env: {
        TEAMS_APP_ID: teams.app.appId,
        TEAMS_APP_PASSWORD: teams.app.appPassword,
        TEAMS_TENANT_ID: teams.app.tenantId,
        TEAMS_SUPPORT_CHANNEL: FAKE_TEAMS_CHANNEL,
        TEAMS_SERVICE_URL: teams.serviceUrl,
        TEAMS_LOGIN_URL: teams.url,
        TEAMS_OPENID_METADATA_URL: teams.openIdMetadataUrl,
        // Retried posts are looked for through the fake's Graph before being posted again.
        TEAMS_TEAM_ID: teams.teamId,
        TEAMS_GRAPH_URL: teams.graphUrl,
        EMAIL_TICKET_PLATFORM: 'teams',
      },
    });
    url = `${bot.url}/teams/messages`;
  });
  afterAll(async () => {
    await bot?.close();
    await teams?.close();
  });

  /** Carol posts in the channel (or replies in a thread), delivered with a valid token. */
  async function post(html: string, rootId?: string): Promise<{ id: string; status: number }> {
    const activity = messageActivityOf(teams, {
      channel: FAKE_TEAMS_CHANNEL,
      from: CAROL,
      html,
      ...(rootId === undefined ? {} : { rootId }),
    });
    const token = await teams.signInbound(teams.serviceUrl);
    const response = await sendActivity(url, activity, `Bearer ${token}`);
    return { id: String(activity.id), status: response.status };
  }
  const botReplies = (rootId: string) =>
    teams.state.messages.filter((m) => m.rootId === rootId && m.from === `28:${teams.app.appId}`);
  const ticketOf = (id: string) =>
    bot.vendors.zendesk.tickets.find((t) => t.external_id === `teams:${FAKE_TEAMS_CHANNEL}:${id}`);

  it('turns a channel post into one ticket with the right fields, confirmed in the thread', async () => {
    const { zendesk } = bot.vendors;
    const { id, status } = await post('<p>Printer on floor 3 is <b>on fire</b> &amp; smoking</p>');
    expect(status).toBe(200);
    const ticket = await waitFor(() => ticketOf(id), { what: 'the ticket for the Teams post' });
    expect(ticket.subject).toBe('Printer on floor 3 is on fire & smoking');
    expect(ticket.group_id).toBe(zendesk.groupId);
    expect(zendesk.user(ticket.requester_id)).toMatchObject({ email: CAROL.email, name: CAROL.name });
    expect(ticket.description).toContain(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(FAKE_TEAMS_CHANNEL)}/${id}`,
    );
    const confirmation = await waitFor(() => botReplies(id)[0], { what: 'the confirmation in the thread' });
    expect(await teamsToPlainText(confirmation.text)).toBe(
      messages.ticketConfirmation(`${TICKET_URI}/${ticket.id}`),
    );
    await bot.settle();
    expect(zendesk.tickets.filter((t) => t.external_id?.startsWith('teams:'))).toHaveLength(1);
    // Nothing went to Slack.
    expect(bot.vendors.slack.messages.some((m) => m.text.includes(String(ticket.id)))).toBe(false);
  });

  it('adds a reply as a comment, brings an agent comment back, and resolves on `resolve`', async () => {
    const { zendesk } = bot.vendors;
    const { id } = await post('<p>VPN drops every hour</p>');
    const ticket = await waitFor(() => ticketOf(id), { what: 'the ticket' });
    expect((await post('<p>Still dropping after the update</p>', id)).status).toBe(200);
    await waitFor(
      () =>
        zendesk.comments(ticket.id).some((c) => c.body === 'Carol Teams: Still dropping after the update'),
      { what: 'the reply as a ticket comment' },
    );
    zendesk.addComment(ticket.id, { body: 'Rolled back the VPN gateway', authorName: 'Agent Smith' });
    const body = {
      token: bot.secrets.webhookToken,
      chat_id: ticket.external_id ?? '',
      ticket_id: String(ticket.id),
    };
    expect((await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status).toBe(200);
    await waitFor(
      async () => {
        const texts = await Promise.all(botReplies(id).map((m) => teamsToPlainText(m.text)));
        return texts.includes('Agent Smith (Zendesk): Rolled back the VPN gateway');
      },
      { what: 'the agent comment in the Teams thread' },
    );
    expect((await post('<p>resolve</p>', id)).status).toBe(200);
    await waitFor(() => zendesk.ticket(ticket.id)?.status === 'solved', { what: 'the ticket solved' });
    await bot.settle();
    const texts = await Promise.all(botReplies(id).map((m) => teamsToPlainText(m.text)));
    expect(texts).toContain(messages.resolvedConfirmation(`${TICKET_URI}/${ticket.id}`));
  });

  it('opens a Teams thread for an emailed ticket (EMAIL_TICKET_PLATFORM=teams)', async () => {
    const { zendesk } = bot.vendors;
    const ticketId = zendesk.createEmailTicket({
      subject: 'Badge does not open the door',
      body: 'Since Monday.',
      requesterName: 'Dan Mailer',
      requesterEmail: 'dan@example.com',
    });
    const body = { token: bot.secrets.webhookToken, ticket_id: ticketId };
    expect((await postZendeskWebhook(bot.url, 'email', body, bot.secrets.webhookSecret)).status).toBe(200);
    const opening = messages.emailThreadOpening('Badge does not open the door', 'Since Monday.');
    const root = await waitFor(
      async () => {
        for (const m of teams.state.messages) {
          if (m.rootId === undefined && (await teamsToPlainText(m.text)) === opening) return m;
        }
        return undefined;
      },
      { what: 'the thread opened in Teams' },
    );
    await waitFor(() => zendesk.ticket(ticketId)?.external_id === `teams:${FAKE_TEAMS_CHANNEL}:${root.id}`, {
      what: 'the ticket linked to the Teams thread',
    });
    await bot.settle();
    expect(bot.vendors.slack.messages.some((m) => m.text.includes('Badge does not open'))).toBe(false);
  });

  it('makes one ticket of an activity the Bot Connector delivers three times', async () => {
    const activity = messageActivityOf(teams, {
      channel: FAKE_TEAMS_CHANNEL,
      from: CAROL,
      html: '<p>Wiki is slow</p>',
    });
    const token = await teams.signInbound(teams.serviceUrl);
    const statuses = await Promise.all([1, 2, 3].map(() => sendActivity(url, activity, `Bearer ${token}`)));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitFor(() => ticketOf(String(activity.id)), { what: 'the ticket' });
    await bot.settle();
    expect(
      bot.vendors.zendesk.tickets.filter(
        (t) => t.external_id === `teams:${FAKE_TEAMS_CHANNEL}:${activity.id}`,
      ),
    ).toHaveLength(1);
    expect(botReplies(String(activity.id))).toHaveLength(1 + 1); // confirmation and on-call notice
  });

  it('refuses forged and missing tokens with 401, logs them, and opens nothing', async () => {
    const forged = [
      undefined,
      `Bearer ${await teams.signInbound(teams.serviceUrl, { key: await makeSigningKey('fake-connector-1') })}`,
      `Bearer ${await teams.signInbound(teams.serviceUrl, { audience: 'another-app' })}`,
      `Bearer ${await teams.signInbound('https://evil.example/teams/')}`,
    ];
    const before = bot.vendors.zendesk.tickets.length;
    for (const authorization of forged) {
      const activity = messageActivityOf(teams, {
        channel: FAKE_TEAMS_CHANNEL,
        from: CAROL,
        html: '<p>forged</p>',
      });
      expect((await sendActivity(url, activity, authorization)).status).toBe(401);
    }
    await bot.settle();
    expect(bot.vendors.zendesk.tickets).toHaveLength(before);
    expect(bot.server.logText()).toContain('teams activity rejected: unauthorized');
  });
});
