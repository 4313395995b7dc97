import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../src/zendesk-error-body.ts';
import { historyOfPage } from '../src/zendesk-history.ts';
import { toComment, toPerson, toTicket, usersById } from '../src/zendesk-mapping.ts';
import {
  auditComment,
  commentPageSchema,
  parseAnswer,
  showTicketSchema,
  ticketListSchema,
  ticketWithAuditSchema,
  userListSchema,
  userResultSchema,
} from '../src/zendesk-schemas.ts';

// Issue 12 §5: each documented payload in fixtures/zendesk/ (sources in its SOURCES.md) goes
// through the parser the adapter uses for that answer, and gives the bot what it needs.
const DIR = new URL('fixtures/zendesk/', import.meta.url);

function fixture(name: string): unknown {
  const { _source, ...body } = JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(_source).toMatch(/https:\/\//);
  return body;
}

const checks: Record<string, (body: unknown) => void> = {
  'create-ticket.json': (body) => {
    const { ticket, audit } = parseAnswer(ticketWithAuditSchema, body, 'tickets.create');
    expect(auditComment(audit)).toBeUndefined(); // the adapter then reads the first comment's id
    expect(toTicket(ticket, null, null)).toMatchObject({
      id: '35436',
      status: 'open',
      externalId: 'ahg35h3jh',
      groupId: '98738',
      assigneeId: '235323',
      subject: 'Help, my printer is on fire!',
    });
  },
  'create-ticket-with-audit.json': (body) => {
    const { ticket, audit } = parseAnswer(ticketWithAuditSchema, body, 'tickets.create');
    expect(auditComment(audit)).toEqual({ id: '1564249' });
    expect(toTicket(ticket, null, '1564249')).toMatchObject({ id: '35437', status: 'new', assigneeId: null });
  },
  'update-ticket-comment.json': (body) => {
    expect(auditComment(parseAnswer(ticketWithAuditSchema, body, 'tickets.comment').audit)).toEqual({
      id: '1564245',
    });
  },
  'update-ticket-comment-reference.json': (body) => {
    expect(auditComment(parseAnswer(ticketWithAuditSchema, body, 'tickets.comment').audit)).toEqual({
      id: '1564247',
    });
  },
  'list-audits.json': (body) => {
    const history = historyOfPage(body, null);
    expect(history.comments).toEqual([
      {
        id: '2127301148',
        author: { id: '5246746' },
        public: false,
        channel: 'web',
        body: 'This is a new private comment',
        attachments: [],
        createdAt: new Date('2011-09-25T22:35:44Z'),
      },
    ]);
    expect(history).toMatchObject({
      status: 'open',
      lastChange: { status: 'open', at: new Date('2011-09-25T22:35:44Z'), by: { id: '5246746' } },
      updatedAt: new Date('2011-09-25T22:35:44Z'),
    });
    expect(historyOfPage(body, '2127301148').comments).toEqual([]);
  },
  'show-ticket-with-users.json': (body) => {
    const { ticket, users } = parseAnswer(showTicketSchema, body, 'tickets.show');
    const requester = toPerson(ticket.requester_id, usersById(users));
    expect(requester).toEqual({ id: '20978392', name: 'Roger Wilco', email: 'roge@example.org' });
    expect(toTicket(ticket, requester, '1')).toMatchObject({
      externalId: null,
      description: 'The fire is very colorful.',
    });
  },
  'list-tickets-external-id.json': (body) => {
    const { tickets } = parseAnswer(ticketListSchema, body, 'tickets.find');
    expect(tickets.map((ticket) => [ticket.id, ticket.external_id])).toEqual([
      ['35440', 'C0SUPPORT:1700000000.000100'],
      ['35437', 'C0SUPPORT:1700000000.000100'],
    ]);
  },
  'list-comments-offset.json': (body) => {
    const page = parseAnswer(commentPageSchema, body, 'comments.list');
    expect(page.next_page).toMatch(/page=2/);
    const [comment] = page.comments.map((raw) => toComment(raw, usersById(page.users)));
    expect(comment).toEqual({
      id: '1274',
      author: { id: '123123', name: 'Johnny Agent' },
      public: true,
      channel: 'unknown',
      body: 'Thanks for your help!',
      attachments: [
        {
          name: 'crash.log',
          url: 'https://company.zendesk.com/attachments/crash.log',
          id: '498483',
          size: 2532,
          mimeType: 'text/plain',
        },
      ],
      createdAt: new Date('2009-07-20T22:55:29Z'),
    });
  },
  'list-comments-cursor.json': (body) => {
    const page = parseAnswer(commentPageSchema, body, 'comments.list');
    const comments = page.comments.map((raw) => toComment(raw, usersById(page.users)));
    expect(comments.map((c) => [c.id, c.public, c.author.id, c.author.name, c.createdAt])).toEqual([
      ['1275', true, '20978392', undefined, undefined],
      ['1276', false, '235323', undefined, new Date('2009-07-21T08:00:00Z')],
    ]);
    expect(comments[1]?.channel).toBe('web');
  },
  'users-search.json': (body) => {
    const { users } = parseAnswer(userListSchema, body, 'users.search');
    expect(users).toEqual([
      { id: '35436', name: 'Johnny Agent', email: 'johnny@example.com' },
      { id: '9873843', name: 'Guest without email' },
    ]);
  },
  'users-create-or-update.json': (body) => {
    expect(parseAnswer(userResultSchema, body, 'users.create_or_update').user).toMatchObject({
      id: '9873843',
      email: 'roge@example.org',
    });
  },
  'error-closed-ticket.json': (body) => {
    expect(readErrorBody(body)).toEqual({
      error: 'RecordInvalid',
      description: 'Record validation errors',
      detailFields: ['status'],
      saysClosed: true,
    });
  },
  'error-other-validation.json': (body) => {
    expect(readErrorBody(body)).toMatchObject({
      error: 'RecordInvalid',
      detailFields: ['base'],
      saysClosed: false,
    });
  },
};

describe('documented Zendesk payloads', () => {
  it('every fixture has a check, and SOURCES.md lists it', () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));
    const sources = readFileSync(new URL('SOURCES.md', DIR), 'utf8');
    expect(files.sort()).toEqual(Object.keys(checks).sort());
    for (const file of files) expect(sources).toContain(`\`${file}\``);
  });

  for (const [file, check] of Object.entries(checks)) {
    it(`parses ${file}`, () => check(fixture(file)));
  }
});
