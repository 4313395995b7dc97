import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from './html.ts';
import type { PageFrame } from './layout.ts';

/** The logged-in admin as kept in the session cookie. */
export interface SessionAdmin {
  readonly id: string;
  readonly email: string;
  /** When they logged in (epoch ms): the session ends a fixed time after, however active. */
  readonly since: number;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    admin: SessionAdmin;
    flash: string;
    sandboxCsrf: string;
    sandboxUser: string;
  }
}

/** The admin of this request's session, if logged in. */
export function sessionAdmin(request: FastifyRequest): SessionAdmin | undefined {
  const value: unknown = request.session.get('admin');
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, email, since } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof email === 'string' && typeof since === 'number'
    ? { id, email, since }
    : undefined;
}

/** Starts a fresh session for `admin` (a new cookie; nothing from before login survives). */
export function startSession(request: FastifyRequest, admin: SessionAdmin): void {
  request.session.regenerate();
  request.session.set('admin', { id: admin.id, email: admin.email, since: admin.since });
}

/** Forgets the login of a session older than `maxAgeMs` (the cookie's own expiry only counts idle time). */
export function expireSession(request: FastifyRequest, now: Date, maxAgeMs: number): void {
  const admin = sessionAdmin(request);
  if (admin !== undefined && now.getTime() - admin.since >= maxAgeMs) request.session.set('admin', undefined);
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
