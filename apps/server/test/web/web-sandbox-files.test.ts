import { afterEach, describe, expect, it } from 'vitest';
import { sandboxFixture } from './sandbox-fixture.ts';
import { Client, type WebTestApp, webTestApp } from './web-test-app.ts';

let t: WebTestApp;
afterEach(async () => {
  await t.app.close();
});

/** A 1×1 PNG's signature and some bytes: what matters is that they cross unchanged. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
const PDF = new TextEncoder().encode('%PDF-1.4 an invoice');

async function loggedIn(options: { readonly maxFileBytes?: number } = {}) {
  const fixture = sandboxFixture(options);
  t = await webTestApp({ sandbox: fixture.sandbox });
  const client = new Client(t.app);
  await client.logIn();
  const page = await client.get('/sandbox');
  return { fixture, client, token: Client.csrf(page.body), page: page.body };
}

/** The file ids the live panels link to, in page order. */
function fileIds(markup: string): string[] {
  return [...markup.matchAll(/data-file="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('sandbox files', () => {
  it('offers a file field on the message, reply and agent-comment forms, as multipart forms', async () => {
    const { client, token, page } = await loggedIn();
    expect(page).toContain('<form method="post" action="/sandbox/messages" enctype="multipart/form-data">');
    expect(page).toContain('<input id="post-file" name="file" type="file">');
    expect(page).toContain('(optional, up to 20 MB)');
    await client.postMultipart('/sandbox/messages', { _csrf: token, user: 'Robin', text: 'hi' });
    const live = (await client.get('/sandbox/live')).body;
    expect(live).toMatch(
      /class="inline-form reply-form" method="post" action="\/sandbox\/messages" enctype="multipart\/form-data"/,
    );
    expect(live).toMatch(/<input id="reply-[\d.]+-file" name="file" type="file">/);
    expect(live).toMatch(/<input id="comment-\d+-file" name="file" type="file">/);
  });

  it("carries a person's file onto the ticket and shows it on both sides, escaped, with a preview served by id", async () => {
    const { fixture, client, token } = await loggedIn();
    const posted = await client.postMultipart(
      '/sandbox/messages',
      { _csrf: token, user: 'Robin', text: 'Screen attached' },
      { name: 'screen <1>.png', type: 'image/png', bytes: PNG },
    );
    expect(posted.headers.location).toBe('/sandbox');

    // The chat event carried it as Slack's adapter would, and the bot copied its bytes to the ticket.
    const ticketId = fixture.tickets.tickets[0]?.id ?? '';
    const opening = fixture.tickets.comments(ticketId)[0];
    expect(opening?.attachments.map((a) => [a.name, a.size, a.mimeType])).toEqual([
      ['screen <1>.png', PNG.byteLength, 'image/png'],
    ]);
    expect([...(fixture.tickets.attachmentContent(opening?.attachments[0]?.id ?? '')?.bytes ?? [])]).toEqual([
      ...PNG,
    ]);

    const live = (await client.get('/sandbox/live')).body;
    expect(live).not.toContain('screen <1>');
    expect(live.match(/<span class="file-name">screen &lt;1&gt;\.png<\/span>/g)).toHaveLength(2);
    expect(live).toContain('<span class="file-size">16 B</span>');
    const [chatSide, ticketSide] = fileIds(live);
    expect(chatSide).toMatch(/^person-FS\d+$/);
    expect(ticketSide).toMatch(/^ticket-att-\d+$/);
    expect(live).toContain(`<img class="preview" src="/sandbox/files/${ticketSide}" alt="">`);

    for (const id of [chatSide, ticketSide]) {
      const served = await client.get(`/sandbox/files/${id}`);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['content-disposition']).toBe(
        `inline; filename="screen <1>.png"; filename*=UTF-8''screen%20%3C1%3E.png`,
      );
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-security-policy']).toContain("default-src 'self'");
      expect([...served.rawPayload]).toEqual([...PNG]);
    }
  });

  it("uploads an agent's file into the thread, shown beside the comment, served as a download", async () => {
    const { fixture, client, token } = await loggedIn();
    await client.postMultipart('/sandbox/messages', { _csrf: token, user: 'Robin', text: 'Invoice wrong' });
    const ticketId = fixture.tickets.tickets[0]?.id ?? '';
    const commented = await client.postMultipart(
      '/sandbox/comments',
      { _csrf: token, ticketId, body: 'Corrected invoice attached', public: 'on' },
      { name: 'invoice.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(commented.headers.location).toBe('/sandbox');

    const shared = fixture.chat.filesIn();
    expect(shared.map((f) => [f.name, f.mimeType, f.bytes.byteLength])).toEqual([
      ['invoice.pdf', 'application/pdf', PDF.byteLength],
    ]);
    const live = (await client.get('/sandbox/live')).body;
    const ids = fileIds(live);
    expect(ids).toHaveLength(2);
    const sharedId = ids.find((id) => id.startsWith('shared-')) ?? '';
    expect(sharedId).toBe(`shared-${shared[0]?.fileId}`);
    // In the thread: the file the bot shared, then the comment it forwarded.
    const thread = live.slice(0, live.indexOf('id="live-tickets"'));
    expect(thread.indexOf(`data-file="${sharedId}"`)).toBeGreaterThan(-1);
    expect(thread.indexOf(`data-file="${sharedId}"`)).toBeLessThan(
      thread.indexOf('Corrected invoice attached'),
    );
    expect(live).not.toContain('<img class="preview"');

    const served = await client.get(`/sandbox/files/${sharedId}`);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`,
    );
    expect(served.payload).toBe('%PDF-1.4 an invoice');
  });

  it('refuses a file over the limit with a message and posts nothing; a file at the limit crosses', async () => {
    const { fixture, client, token } = await loggedIn({ maxFileBytes: 1024 });
    expect((await client.get('/sandbox')).body).toContain('(optional, up to 1.0 KB)');
    const over = await client.postMultipart(
      '/sandbox/messages',
      { _csrf: token, user: 'Robin', text: 'Big one' },
      { name: 'big.bin', type: 'application/octet-stream', bytes: new Uint8Array(1025) },
    );
    expect(over.statusCode).toBe(303);
    expect(over.headers.location).toBe('/sandbox');
    expect((await client.get('/sandbox')).body).toContain(
      'The file is larger than 1.0 KB, the most the sandbox takes (ATTACHMENT_MAX_MB). Nothing was posted.',
    );
    expect(fixture.tickets.tickets).toHaveLength(0);
    expect(fixture.chat.messages).toHaveLength(0);

    await client.postMultipart(
      '/sandbox/messages',
      { _csrf: token, user: 'Robin', text: 'Just fits' },
      { name: 'fits.bin', type: 'application/octet-stream', bytes: new Uint8Array(1024).fill(7) },
    );
    const ticketId = fixture.tickets.tickets[0]?.id ?? '';
    expect(fixture.tickets.comments(ticketId)[0]?.attachments[0]?.size).toBe(1024);

    const agentOver = await client.postMultipart(
      '/sandbox/comments',
      { _csrf: token, ticketId, body: 'Too big', public: 'on' },
      { name: 'big.pdf', type: 'application/pdf', bytes: new Uint8Array(5000) },
    );
    expect(agentOver.headers.location).toBe('/sandbox');
    expect((await client.get('/sandbox')).body).toContain('The file is larger than');
    expect(fixture.tickets.comments(ticketId)).toHaveLength(1);
  });

  it('refuses a bad name, type or empty file, a second file, and a multipart post without its CSRF token', async () => {
    const { fixture, client, token } = await loggedIn();
    const cases = [
      [{ name: 'a\u0001b.txt', type: 'text/plain', bytes: PDF }, 'The file needs a name'],
      [{ name: 'x'.repeat(201), type: 'text/plain', bytes: PDF }, 'The file needs a name'],
      [{ name: 'ok.txt', type: 'not a type', bytes: PDF }, 'does not say what type it is'],
      [{ name: 'empty.txt', type: 'text/plain', bytes: new Uint8Array(0) }, 'The file is empty'],
    ] as const;
    for (const [file, message] of cases) {
      await client.postMultipart('/sandbox/messages', { _csrf: token, user: 'Robin', text: 'x' }, file);
      expect((await client.get('/sandbox')).body).toContain(message);
    }
    expect(fixture.chat.messages).toHaveLength(0);

    const two = new FormData();
    two.append('_csrf', token);
    two.append('user', 'Robin');
    two.append('text', 'two files');
    two.append('file', new Blob([PDF], { type: 'application/pdf' }), 'a.pdf');
    two.append('file', new Blob([PDF], { type: 'application/pdf' }), 'b.pdf');
    const encoded = new Request('http://localhost/', { method: 'POST', body: two });
    const answer = await client.request({
      method: 'POST',
      url: '/sandbox/messages',
      headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(answer.headers.location).toBe('/sandbox');
    expect((await client.get('/sandbox')).body).toContain('The upload could not be read');
    expect(fixture.chat.messages).toHaveLength(0);

    const forged = await client.postMultipart(
      '/sandbox/messages',
      { user: 'Mallory', text: 'no token' },
      { name: 'a.png', type: 'image/png', bytes: PNG },
    );
    expect(forged.statusCode).toBe(403);
    expect(fixture.chat.messages).toHaveLength(0);
  });

  it('answers 404 for any file id it did not give out, and never reads a path', async () => {
    const { client, token } = await loggedIn();
    await client.postMultipart(
      '/sandbox/messages',
      { _csrf: token, user: 'Robin', text: 'with file' },
      { name: 'a.png', type: 'image/png', bytes: PNG },
    );
    expect(fileIds((await client.get('/sandbox/live')).body)).toHaveLength(2);
    for (const id of [
      'person-FS999999',
      'ticket-att-999',
      'shared-FM0001',
      'nobody-FS000001',
      '..%2F..%2Fpackage.json',
      '%2Fetc%2Fpasswd',
      `person-${'A'.repeat(80)}`,
      'person-',
    ]) {
      const answer = await client.get(`/sandbox/files/${id}`);
      expect(answer.statusCode, id).toBe(404);
      expect(answer.headers['content-type'], id).toContain('text/html');
    }
  });

  it('still takes the url-encoded forms (no file)', async () => {
    const { fixture, client, token } = await loggedIn();
    await client.post('/sandbox/messages', { _csrf: token, user: 'Robin', text: 'plain form' });
    expect(fixture.tickets.tickets).toHaveLength(1);
    expect(fileIds((await client.get('/sandbox/live')).body)).toEqual([]);
  });
});
