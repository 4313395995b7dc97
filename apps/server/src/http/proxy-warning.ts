import type { FastifyInstance } from 'fastify';

/**
 * Without TRUST_PROXY, a request carrying X-Forwarded-For most likely came through a proxy whose
 * single address every client now shares (one login limit for all, no Secure cookies). Says so
 * once per process, naming the peer to trust; the header itself is still ignored.
 */
export function warnOnUntrustedProxy(app: FastifyInstance): void {
  let warned = false;
  app.addHook('onRequest', async (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return;
    warned = true;
    request.log.warn(
      { peer: request.socket.remoteAddress },
      'a request came with X-Forwarded-For but TRUST_PROXY is unset: every client behind that proxy shares its address (one login limit for all, no Secure cookies); set TRUST_PROXY to the proxy address',
    );
  });
}
