import type { FastifyInstance } from 'fastify';

/** Paths probes reach by IP address, so they skip the host check. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Like Django's ALLOWED_HOSTS: with PAAS_FQDN set, a request whose Host header names another
 * host gets 400 (stops host-header tricks in absolute links). Without PAAS_FQDN every host passes.
 */
export async function hostGuard(
  app: FastifyInstance,
  options: { readonly allowed: readonly string[] },
): Promise<void> {
  const allowed = new Set(options.allowed.map((host) => host.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    if (PROBES.has(request.url.split('?')[0] ?? '')) return;
    const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (allowed.has(host)) return;
    request.log.warn({ host }, 'request for a host that is not allowed');
    return reply.code(400).send({ error: 'bad_host', message: 'this host name is not served here' });
  });
}
