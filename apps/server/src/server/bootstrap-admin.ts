import type { AdminUserStore } from '@zenslackchat/adapters-postgres';
import { type Clock, isIntegrationError, type Logger } from '@zenslackchat/core';
import type { AppConfig } from '../config/index.ts';
import { hashPassword } from '../web/index.ts';

/**
 * Creates the admin named by ADMIN_EMAIL / ADMIN_PASSWORD when no account has that email yet, so a
 * first start needs no CLI step. An existing account is left alone (its password is not reset).
 */
export async function bootstrapAdmin(
  admin: AppConfig['admin'],
  store: AdminUserStore,
  clock: Clock,
  logger: Logger,
): Promise<void> {
  if (admin === undefined || (await store.findByEmail(admin.email)) !== undefined) return;
  try {
    await store.create({
      email: admin.email,
      passwordHash: await hashPassword(admin.password),
      createdAt: clock.now(),
    });
    logger.info({}, 'admin account created from ADMIN_EMAIL / ADMIN_PASSWORD');
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (!(isIntegrationError(error) && error.reason === 'Conflict')) throw error;
  }
}
