import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Options of `RequestLogController`. */
export interface RequestLogOptions {
  /**
   * Routes (as registered) whose handler logs its own line per request, e.g. the Slack events
   * endpoint: fastify's "incoming request" and successful "request completed" lines are skipped
   * there (two lines per event at high volume); failures are still logged.
   */
  readonly quietRoutes?: readonly string[];
}

/**
 * Fastify's per-request log lines with ECS field names. The default "incoming request" line hands
 * the request object to the ECS formatter, which drops it (elastic/ecs-logging-nodejs#78); this one
 * logs the method and the path without its query string (OAuth callbacks carry codes there).
 */
export class RequestLogController extends LogController {
  readonly #quiet: ReadonlySet<string>;

  constructor(options: RequestLogOptions = {}) {
    super();
    this.#quiet = new Set(options.quietRoutes ?? []);
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request) || this.#isQuiet(request)) return;
    request.log.info(
      { 'http.request.method': request.method, 'url.path': request.url.split('?')[0] },
      'incoming request',
    );
  }

  // fastify's own lines hand the whole reply to the formatter, which logs every response header.
  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error == null && reply.statusCode < 400 && this.#isQuiet(request)) return;
    if (error == null) reply.log.info(this.#fields(request, reply), 'request completed');
    else reply.log.error({ ...this.#fields(request, reply), err: error }, 'request errored');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    reply.log[level]({ ...this.#fields(request, reply), err: error }, error.message);
  }

  #fields(request: FastifyRequest, reply: FastifyReply) {
    return {
      'http.request.method': request.method,
      'url.path': request.url.split('?')[0],
      'http.response.status_code': reply.statusCode,
      'event.duration': Math.round(reply.elapsedTime * 1e6),
    };
  }

  #isQuiet(request: FastifyRequest): boolean {
    const route = request.routeOptions.url;
    return route !== undefined && this.#quiet.has(route);
  }
}
