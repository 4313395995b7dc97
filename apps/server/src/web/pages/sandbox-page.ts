import { html, type SafeHtml } from '../html.ts';
import { layout, type PageFrame } from '../layout.ts';
import type {
  SandboxFile,
  SandboxMessage,
  SandboxSnapshot,
  SandboxTicket,
} from '../sandbox/sandbox-controls.ts';
import { formatSize, isPreviewable } from '../sandbox/sandbox-files.ts';
import { chatMarkup } from './chat-markup.ts';

/** What the live panels need besides the snapshot. */
export interface SandboxView {
  readonly csrfToken: string;
  /** The name the visitor last posted as. */
  readonly user: string;
  /** Largest file the forms take, in bytes. */
  readonly maxFileBytes: number;
}

/** A file with its name and size: a link to its bytes when the sandbox holds them, images as a small preview. */
function file(f: SandboxFile): SafeHtml {
  const size = html`<span class="file-size">${formatSize(f.size)}</span>`;
  if (f.id === undefined) return html`<li class="file"><span class="file-name">${f.name}</span> ${size}</li>`;
  const href = `/sandbox/files/${encodeURIComponent(f.id)}`;
  const preview = isPreviewable(f.mimeType) ? html`<img class="preview" src="${href}" alt="">` : '';
  return html`<li class="file" data-file="${f.id}"><a href="${href}">${preview}<span class="file-name">${f.name}</span></a> ${size}</li>`;
}

function files(list: readonly SandboxFile[] | undefined): SafeHtml | '' {
  return list === undefined || list.length === 0
    ? ''
    : html`<ul class="files" aria-label="Files">${list.map(file)}</ul>`;
}

/** A file input with its label; `id` names it on the page. */
function fileField(id: string, label: string, view: SandboxView): SafeHtml {
  return html`<label for="${id}">${label} <span class="file-size">(optional, up to ${formatSize(view.maxFileBytes)})</span></label>
      <input id="${id}" name="file" type="file">`;
}

function message(m: SandboxMessage): SafeHtml {
  const text = m.text === '' ? '' : html`<p class="text">${chatMarkup(m.text)}</p>`;
  return html`<div id="message-${m.id}" class="${m.fromBot ? 'bot' : ''}"><span class="author">${m.user}</span>${text}${files(m.files)}</div>`;
}

function thread(root: SandboxMessage, replies: readonly SandboxMessage[], view: SandboxView): SafeHtml {
  const id = `reply-${root.id}`;
  return html`<li data-message="${root.id}">
    ${message(root)}
    ${replies.length === 0 ? '' : html`<ul class="replies" aria-label="Replies">${replies.map((r) => html`<li data-message="${r.id}">${message(r)}</li>`)}</ul>`}
    ${root.report === true ? '' : replyForm(root, id, view)}
  </li>`;
}

// The author is the "Your name" field's current value: sandbox.js copies it in (and into the
// label) as it changes; without scripts, the name last posted with.
function replyForm(root: SandboxMessage, id: string, view: SandboxView): SafeHtml {
  return html`<form class="inline-form reply-form" method="post" action="/sandbox/messages" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value="${view.csrfToken}">
      <input type="hidden" name="threadId" value="${root.id}">
      <input type="hidden" name="user" value="${view.user}" data-reply-user>
      <label for="${id}">Reply as <span data-reply-as>${view.user}</span></label>
      <input id="${id}" name="text" type="text" required maxlength="4000" autocomplete="off">
      ${fileField(`${id}-file`, 'File', view)}
      <button type="submit" class="secondary">Reply</button>
    </form>`;
}

function ticket(t: SandboxTicket, view: SandboxView): SafeHtml {
  const id = `comment-${t.id}`;
  return html`<li id="ticket-${t.id}" data-ticket="${t.id}">
    <h4>#${t.id} ${t.subject} <span class="status">(${t.status})</span></h4>
    <ul class="replies" aria-label="Comments">${t.comments.map(
      (c) =>
        html`<li class="${c.public ? '' : 'internal'}"><span class="author">${c.author}</span>${c.public ? '' : ' (internal note)'}<p class="text">${chatMarkup(c.body)}</p>${files(c.files)}</li>`,
    )}</ul>
    <form class="inline-form" method="post" action="/sandbox/comments" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value="${view.csrfToken}">
      <input type="hidden" name="ticketId" value="${t.id}">
      <label for="${id}">Agent comment</label>
      <input id="${id}" name="body" type="text" required maxlength="4000" autocomplete="off">
      <label class="inline"><input type="checkbox" name="public" value="on" checked> Public</label>
      ${fileField(`${id}-file`, 'Agent file', view)}
      <button type="submit" class="secondary">Add comment</button>
    </form>
  </li>`;
}

function liveChat(snapshot: SandboxSnapshot, view: SandboxView): SafeHtml {
  const roots = snapshot.messages.filter((m) => m.threadId === undefined);
  const repliesOf = (root: SandboxMessage) => snapshot.messages.filter((m) => m.threadId === root.id);
  return html`<div id="live-chat" class="live">
    ${roots.length === 0 ? html`<p>No messages yet.</p>` : html`<ul class="feed" aria-label="Channel messages">${roots.map((r) => thread(r, repliesOf(r), view))}</ul>`}
  </div>`;
}

function liveTickets(snapshot: SandboxSnapshot, view: SandboxView): SafeHtml {
  return html`<div id="live-tickets" class="live">
    ${snapshot.tickets.length === 0 ? html`<p>No tickets yet.</p>` : html`<ul class="feed" aria-label="Tickets">${snapshot.tickets.map((t) => ticket(t, view))}</ul>`}
  </div>`;
}

/** The two live panels (swapped in by the polling script): channel threads and tickets. */
export function sandboxLive(snapshot: SandboxSnapshot, view: SandboxView): SafeHtml {
  return html`${liveChat(snapshot, view)}${liveTickets(snapshot, view)}`;
}

/** The sandbox: a simulated support channel beside simulated Zendesk tickets, updating live. */
export function sandboxPage(frame: PageFrame, snapshot: SandboxSnapshot, view: SandboxView): SafeHtml {
  return layout(
    { ...frame, scripts: ['/static/sandbox.js'] },
    html`<h1>Sandbox</h1>
    <p>Post in the simulated support channel as anyone: the bot opens a ticket and answers in the thread.
      Reply in a thread to add a ticket comment; reply <code>resolve</code> to solve it. On the ticket side, add an
      agent comment or send an email. A message, reply or public agent comment can carry a file: the bot copies it
      to the other side, images show as a preview. Nothing here reaches a real vendor; the page updates every second.</p>
    <p id="sandbox-status" class="visually-hidden" role="status" aria-live="polite"></p>
    <div class="sandbox">
      <section class="panel" aria-labelledby="chat-title">
        <h2 id="chat-title">Support channel <code>#${snapshot.channel}</code></h2>
        <form method="post" action="/sandbox/messages" enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value="${view.csrfToken}">
          <label for="post-user">Your name</label>
          <input id="post-user" name="user" type="text" required maxlength="80" value="${view.user}" autocomplete="nickname">
          <label for="post-text">Message</label>
          <textarea id="post-text" name="text" required maxlength="4000"></textarea>
          ${fileField('post-file', 'File', view)}
          <p><button type="submit">Post message</button></p>
        </form>
        <h3>Messages</h3>
        ${liveChat(snapshot, view)}
      </section>
      <section class="panel" aria-labelledby="tickets-title">
        <h2 id="tickets-title">Zendesk tickets (simulated)</h2>
        <form method="post" action="/sandbox/emails">
          <input type="hidden" name="_csrf" value="${view.csrfToken}">
          <label for="email-from">From (email)</label>
          <input id="email-from" name="from" type="email" required maxlength="320" value="customer@example.com">
          <label for="email-subject">Subject</label>
          <input id="email-subject" name="subject" type="text" required maxlength="200">
          <label for="email-body">Body</label>
          <textarea id="email-body" name="body" required maxlength="4000"></textarea>
          <p><button type="submit">Send email</button></p>
        </form>
        <h3>Tickets</h3>
        ${liveTickets(snapshot, view)}
      </section>
    </div>`,
  );
}
