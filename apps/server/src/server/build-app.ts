import type { Database } from '@zenslackchat/adapters-postgres';
import { DEFAULT_EVENTS_PATH } from '@zenslackchat/adapters-slack';
import type { Clock } from '@zenslackchat/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger as Pino } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import { ServerTokens } from '../container/tokens.ts';
import { healthRoutes } from '../http/health-routes.ts';
import { hostGuard } from '../http/host-guard.ts';
import { integrationRoutes } from '../http/integration-routes.ts';
import { warnOnUntrustedProxy } from '../http/proxy-warning.ts';
import { webFront } from '../http/web-front.ts';
import { RequestLogController } from '../logging/request-log-controller.ts';
import type { WorkerState } from '../web/web-options.ts';
import { type Role, servesWeb } from './roles.ts';
import { sandboxControls, type sandboxSetup } from './sandbox-wiring.ts';

/** The fastify app of a role (not listening): health everywhere; vendor endpoints and the web front for `web`/`all`. */
export async function buildApp(
  container: DependencyContainer,
  parts: {
    readonly role: Role;
    readonly logger: Pino;
    readonly database: Database;
    jobsRunning(): boolean;
    workers(): WorkerState;
    readonly sandbox: ReturnType<typeof sandboxSetup> | undefined;
    readonly clock: Clock;
  },
): Promise<FastifyInstance> {
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  const app: FastifyInstance = Fastify({
    loggerInstance: parts.logger as FastifyBaseLogger,
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 1_048_576,
    // The Slack events route logs one line per event itself (id, retry, result).
    logController: new RequestLogController({ quietRoutes: [DEFAULT_EVENTS_PATH] }),
    // Behind a TLS proxy: request.protocol/ip from X-Forwarded-* (secure cookies, login rate limit).
    trustProxy: typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy,
  });
  if (config.allowedHosts.length > 0) await hostGuard(app, { allowed: config.allowedHosts });
  if (config.trustProxy === false && servesWeb(parts.role)) warnOnUntrustedProxy(app);
  await app.register(healthRoutes, { database: parts.database, jobsRunning: parts.jobsRunning });
  if (servesWeb(parts.role)) {
    const { sandbox } = parts;
    await app.register(integrationRoutes, { container });
    await app.register(webFront, {
      container,
      workers: parts.workers,
      ...(sandbox === undefined
        ? {}
        : { sandbox: sandboxControls(container, sandbox.adapters, parts.clock) }),
    });
  }
  return app;
}
