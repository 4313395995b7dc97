import { createServer } from 'node:net';
import { StartupError } from './startup-error.ts';

/**
 * Fails fast when the server could not listen on `port` (in use, or not allowed), before the
 * database is opened and migrated. A check, not a reservation: `listen` can still lose a race.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const where = `port ${port} on ${host}`;
      if (error.code === 'EADDRINUSE') {
        reject(new StartupError('port.in_use', `${where} is in use: stop what runs there or set PORT`));
      } else if (error.code === 'EACCES') {
        reject(new StartupError('port.denied', `${where} is not allowed for this user: set PORT above 1023`));
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(new StartupError('port.no_address', `${host} is not an address of this machine: check HOST`));
      } else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
