import type { ServerResponse } from 'node:http';
import { InstallProvider } from '@slack/oauth';
import { OAuthStateSigner, readCookie } from '@zenslackchat/adapter-kit';
import { type Logger, systemClock } from '@zenslackchat/core';
import type { FastifyPluginAsync } from 'fastify';
import { slackApiBase } from '../slack-chat-config.ts';
import { toSlackLogger } from '../slack-logger.ts';
import { signedStateStore } from './signed-state-store.ts';
import { SLACK_BOT_SCOPES, type SlackOAuthPluginOptions } from './slack-oauth-config.ts';
import { tokenStoreInstallationStore } from './token-store-installation-store.ts';

/** OAuth failures that are the visitor's (or their browser's) doing rather than ours or Slack's. */
const VISITOR_ERRORS = new Set([
  'slack_oauth_missing_state',
  'slack_oauth_invalid_state',
  'slack_oauth_missing_code',
  'slack_oauth_installer_authorization_error',
]);

/** `@slack/oauth`'s state cookie (it sets it to the state it sends to Slack). */
const SLACK_STATE_COOKIE = 'slack-app-oauth-state';

/**
 * The Slack app install flow on `@slack/oauth`: `GET /slack/install/` redirects to Slack's
 * authorize page with adapter-kit's signed state bound to the admin's session (also set as a
 * cookie); `GET /slack/oauth/` refuses a forged, expired, other-session or cookie-mismatched
 * state before the installer runs (so before any code exchange), then exchanges the code
 * (oauth.v2.access + auth.test), stores the bot token and redirects to `successRedirect`.
 * Failures get a plain error page and a log line.
 */
export const slackOAuthPlugin: FastifyPluginAsync<SlackOAuthPluginOptions> = async (fastify, options) => {
  const logger: Logger = options.logger ?? fastify.log;
  const clock = options.clock ?? systemClock;
  const signer = new OAuthStateSigner(options.stateSecret);
  const installOptions = {
    scopes: [...(options.scopes ?? SLACK_BOT_SCOPES)],
    ...(options.userScopes?.length ? { userScopes: [...options.userScopes] } : {}),
    redirectUri: options.redirectUri,
  };
  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateStore: signedStateStore(signer, installOptions, clock),
    stateCookieName: SLACK_STATE_COOKIE,
    stateCookieExpirationSeconds: signer.ttlSeconds,
    installationStore: tokenStoreInstallationStore(options.tokenStore, clock),
    installUrlOptions: installOptions,
    directInstall: true,
    ...(options.authorizationUrl ? { authorizationUrl: options.authorizationUrl } : {}),
    logger: toSlackLogger(logger, 'slack-oauth', 'warn'),
    clientOptions: {
      slackApiUrl: slackApiBase(options.apiUrl),
      retryConfig: { retries: 0 },
      timeout: 10_000,
    },
  });
  const installPath = options.installPath ?? '/slack/install/';

  fastify.get(installPath, async (request, reply) => {
    const binding = options.sessionBinding(request);
    if (binding === undefined) return reply.code(403).type('text/plain').send('Log in first.');
    reply.hijack();
    try {
      await installer.handleInstallPath(request.raw, reply.raw, {}, { ...installOptions, metadata: binding });
    } catch (error) {
      request.log.error({ err: error }, 'slack install could not start');
      errorPage(
        reply.raw,
        500,
        'The Slack installation could not start. Check the Slack app settings.',
        installPath,
      );
    }
  });

  fastify.get(options.callbackPath ?? '/slack/oauth/', async (request, reply) => {
    const state = (request.query as Record<string, unknown>).state;
    const checked = signer.check({
      param: typeof state === 'string' ? state : undefined,
      cookie: readCookie(request.headers.cookie, SLACK_STATE_COOKIE),
      binding: options.sessionBinding(request),
      now: clock.now(),
    });
    reply.hijack();
    if (!checked.ok) {
      request.log.warn({ reason: checked.reason }, 'slack install refused: bad OAuth state');
      errorPage(
        reply.raw,
        400,
        'This Slack installation link is invalid, expired or was cancelled.',
        installPath,
      );
      return;
    }
    await installer.handleCallback(request.raw, reply.raw, {
      successAsync: async (installation, _options, _req, res) => {
        request.log.info(
          { teamId: installation.team?.id ?? installation.enterprise?.id },
          'slack app installed',
        );
        res.writeHead(302, { Location: options.successRedirect ?? '/' });
        res.end();
      },
      failureAsync: async (error, _options, _req, res) => {
        const visitor = VISITOR_ERRORS.has(error.code);
        request.log.warn({ code: error.code }, 'slack install failed');
        const message = visitor
          ? 'This Slack installation link is invalid, expired or was cancelled.'
          : 'Slack did not complete the installation.';
        errorPage(res, visitor ? 400 : 502, `${message} (${error.code})`, installPath);
      },
    });
  });
};

function errorPage(res: ServerResponse, status: number, message: string, retryPath: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html><head><title>Slack installation failed</title></head><body>` +
      `<h1>Slack installation failed</h1><p>${escapeHtml(message)}</p>` +
      `<p><a href="${escapeHtml(retryPath)}">Start again</a></p></body></html>`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
