import type { FastifyInstance } from 'fastify';
import type { IntegrationConfig } from './web-options.ts';
import { SESSION_COOKIE } from './web-security.ts';

function pathOf(url: string): string {
  const path = new URL(url, 'http://localhost').pathname;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Adds an onRequest hook that answers the OAuth start routes with a redirect to the login page
 * unless the request carries a valid admin session, so nobody else can connect an account.
 */
export function guardStartRoutes(
  app: FastifyInstance,
  integrations: Readonly<Record<string, IntegrationConfig>>,
  decode: (cookie: string) => { get(key: string): unknown } | null,
): void {
  const guarded = new Set(
    Object.values(integrations).flatMap((config) =>
      config.startUrl === undefined ? [] : [pathOf(config.startUrl)],
    ),
  );
  if (guarded.size === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!guarded.has(pathOf(request.url))) return;
    const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const admin = cookie === undefined ? undefined : decode(cookie)?.get('admin');
    if (typeof admin === 'object' && admin !== null) return;
    return reply.redirect(`/login?next=${encodeURIComponent('/')}`, 303);
  });
}
