import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { guardStartRoutes } from './start-route-guard.ts';
import { type ResolvedWebOptions, resolveWebOptions } from './web-defaults.ts';
import type { WebOptions } from './web-options.ts';
import { webRoutes } from './web-routes.ts';
import { webSecurity } from './web-security.ts';

export type { AdminAccount, AdminAccounts, LockoutPolicy } from './admin-accounts.ts';
export { escapeHtml, html, raw, SafeHtml, safeHref } from './html.ts';
export { hashPassword, verifyPassword } from './password-hash.ts';
export { MemorySandbox, type MemorySandboxOptions } from './sandbox/memory-sandbox.ts';
export type * from './sandbox/sandbox-controls.ts';
export type { SandboxIntake } from './sandbox/sandbox-intake.ts';
export { deriveSessionKey } from './session-key.ts';
export * from './web-options.ts';

async function webScope(
  app: FastifyInstance,
  options: ResolvedWebOptions & { onReady(decode: Decode): void },
) {
  await app.register(formbody);
  await webSecurity(app, options);
  options.onReady((cookie) => app.decodeSecureSession(cookie));
  await app.register(webRoutes, options);
}

type Decode = (cookie: string) => { get(key: string): unknown } | null;

/**
 * The admin web front: login, integrations home, issues, reports and (with `sandbox`) the sandbox
 * page. Its session, CSRF, helmet and form parsing stay inside its own scope; the only thing it
 * adds to the parent is a guard sending visitors without a session from the OAuth start routes
 * (`integrations.*.startUrl`) to the login page, so register it before the OAuth plugins.
 */
export const webPlugin = fp<WebOptions>(
  async (app, rawOptions) => {
    const options = resolveWebOptions(rawOptions);
    let decode: Decode = () => null;
    guardStartRoutes(app, options.integrations, (cookie) => decode(cookie));
    await app.register(webScope, {
      ...options,
      onReady: (fn: Decode) => {
        decode = fn;
      },
    });
  },
  { name: '@zenslackchat/web', fastify: '5.x' },
);
