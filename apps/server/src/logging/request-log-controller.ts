import { type FastifyRequest, LogController } from 'fastify';

/**
 * Fastify's per-request log lines with ECS field names. The default "incoming request" line hands
 * the request object to the ECS formatter, which drops it (elastic/ecs-logging-nodejs#78); this one
 * logs the method and the path without its query string (OAuth callbacks carry codes there).
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.info(
      { 'http.request.method': request.method, 'url.path': request.url.split('?')[0] },
      'incoming request',
    );
  }
}
