import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import secureSession from '@fastify/secure-session';
import type { FastifyInstance } from 'fastify';
import { deriveSessionKey } from './session-key.ts';
import type { ResolvedWebOptions } from './web-defaults.ts';

/** One year, subdomains included (helmet's default policy). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The session cookie's name. */
export const SESSION_COOKIE = 'zsc_session';

/**
 * Session cookie (encrypted, HttpOnly, SameSite=Lax, Secure on https), CSRF tokens kept in it,
 * security headers with a CSP that allows no inline script, HSTS over https only, and the login
 * rate limiter.
 */
export async function webSecurity(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  await app.register(secureSession, {
    key: deriveSessionKey(options.secretKey),
    cookieName: SESSION_COOKIE,
    expiry: options.sessionTtlSeconds,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/secure-session',
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body?._csrf;
      return typeof fromBody === 'string'
        ? fromBody
        : (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Local and sandbox runs are plain http; TLS is the proxy's job.
        'upgrade-insecure-requests': null,
      },
    },
    // Sent below, and only over https: on plain http it would be ignored at best, and a browser
    // that once saw it for localhost would refuse a local http run.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  await app.register(rateLimit, { global: false });
}
