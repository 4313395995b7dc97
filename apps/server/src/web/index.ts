import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import { resolveWebOptions } from './web-defaults.ts';
import type { WebOptions } from './web-options.ts';
import { webRoutes } from './web-routes.ts';
import { webSecurity } from './web-security.ts';

export type { AdminAccount, AdminAccounts } from './admin-accounts.ts';
export type { AdminSessions, LiveSession } from './admin-sessions.ts';
export { escapeHtml, html, raw, SafeHtml, safeHref } from './html.ts';
export type { LoginLimitPolicy, LoginLimits, LoginLockout } from './login-limits.ts';
export {
  hashPassword,
  PasswordHasher,
  SCRYPT_PARAMS,
  type ScryptParams,
  verifyPassword,
} from './password-hash.ts';
export { MemorySandbox, type MemorySandboxOptions } from './sandbox/memory-sandbox.ts';
export type * from './sandbox/sandbox-controls.ts';
export type { SandboxIntake } from './sandbox/sandbox-intake.ts';
export { deriveSessionKey } from './session-key.ts';
export { type SessionAdmin, sessionAdmin } from './web-context.ts';
export * from './web-options.ts';

/**
 * The admin web front: login, integrations home, issues, reports, the routes given as
 * `adminRoutes` (the OAuth flows) and, with `sandbox`, the sandbox page. An encapsulated plugin:
 * its session, CSRF, helmet and form parsing apply to its own routes only, never to the vendor
 * endpoints registered beside it.
 */
export const webPlugin: FastifyPluginAsync<WebOptions> = async (app, rawOptions) => {
  const options = resolveWebOptions(rawOptions);
  await app.register(formbody);
  await webSecurity(app, options);
  await app.register(webRoutes, options);
};
