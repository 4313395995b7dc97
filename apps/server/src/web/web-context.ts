import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminSessions } from './admin-sessions.ts';
import type { SafeHtml } from './html.ts';
import type { PageFrame } from './layout.ts';

/** The logged-in admin of a request, from the server-side session named by the cookie. */
export interface SessionAdmin {
  readonly id: string;
  readonly email: string;
  /** The session's id (what the cookie carries). */
  readonly sessionId: string;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The server-side session's id; the row, not the cookie, says who is logged in. */
    sid: string;
    flash: string;
    sandboxCsrf: string;
    sandboxUser: string;
  }
}

const admins = new WeakMap<FastifyRequest, SessionAdmin>();

/** The admin of this request's session, if logged in (set by `loadSession`). */
export function sessionAdmin(request: FastifyRequest): SessionAdmin | undefined {
  return admins.get(request);
}

/**
 * Looks the cookie's session id up: it counts only while its row exists, is unexpired and its
 * admin exists. A dead id is dropped from the cookie.
 */
export async function loadSession(
  request: FastifyRequest,
  sessions: AdminSessions,
  now: Date,
): Promise<void> {
  const sid: unknown = request.session.get('sid');
  if (typeof sid !== 'string') return;
  const live = await sessions.find(sid, now);
  if (live === undefined) {
    request.session.set('sid', undefined);
    return;
  }
  admins.set(request, { id: live.adminId, email: live.email, sessionId: sid });
}

/** Starts a fresh session for `adminId` (a new cookie and a new row; nothing from before login survives). */
export async function startSession(
  request: FastifyRequest,
  sessions: AdminSessions,
  adminId: string,
  now: Date,
  ttlMs: number,
): Promise<void> {
  const sid = await sessions.create(adminId, now, new Date(now.getTime() + ttlMs));
  request.session.regenerate();
  request.session.set('sid', sid);
}

/** Ends this request's session: its row is deleted, so a saved copy of the cookie is refused. */
export async function endSession(request: FastifyRequest, sessions: AdminSessions): Promise<void> {
  const sid: unknown = request.session.get('sid');
  if (typeof sid === 'string') await sessions.delete(sid);
  request.session.delete();
  admins.delete(request);
}

/** Keeps a one-off notice for the next page shown. */
export function setFlash(request: FastifyRequest, message: string): void {
  request.session.set('flash', message);
}

function takeFlash(request: FastifyRequest): string | undefined {
  const flash: unknown = request.session.get('flash');
  if (flash === undefined) return undefined;
  request.session.set('flash', undefined);
  return typeof flash === 'string' ? flash : undefined;
}

/** Builds the frame of a logged-in page: navigation, CSRF token for forms, pending flash. */
export async function pageFrame(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  extra: { readonly sandboxEnabled: boolean; readonly scripts?: readonly string[] },
): Promise<PageFrame & { readonly csrfToken: string }> {
  const admin = sessionAdmin(request);
  const flash = takeFlash(request);
  return {
    title,
    path: request.url.split('?')[0] ?? '/',
    csrfToken: await reply.generateCsrf(),
    sandboxEnabled: extra.sandboxEnabled,
    ...(admin === undefined ? {} : { adminEmail: admin.email }),
    ...(flash === undefined ? {} : { flash }),
    ...(extra.scripts === undefined ? {} : { scripts: extra.scripts }),
  };
}

/** Sends a page as HTML, never cached (pages show live state and carry CSRF tokens). */
export function sendHtml(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.value);
}

/** A same-site path to return to after login; anything else becomes `/`. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Backslashes (read as slashes by browsers) and control characters (header injection) are refused.
  const unsafe = [...next].some(
    (char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f,
  );
  return unsafe ? '/' : next;
}
