import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallPacer, type Clock, type SweepOptions } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import type { AppConfig } from '../config/index.ts';

/** What runs a sweep: the core's SupportBot, or the server's PlatformBots (one per platform). */
export interface Reconciler {
  reconcile(options: SweepOptions): Promise<unknown>;
}

/**
 * One reconciliation sweep with the configured share of Zendesk's rate limit. The owner names
 * this process, so the sweep's lease tells which one runs it.
 */
export function runReconcile(
  bot: Reconciler,
  settings: AppConfig['reconcile'],
  clock: Clock,
): Promise<unknown> {
  const pacer = new CallPacer({ perMinute: settings.callsPerMinute, clock, sleep: (ms) => sleep(ms) });
  return bot.reconcile({ pacer, owner: `${hostname()}:${process.pid}` });
}

/** Registers the sweep's schedule (UTC); re-registering replaces the cron. */
export async function scheduleReconcile(boss: PgBoss, settings: AppConfig['reconcile']): Promise<void> {
  await boss.schedule('reconcile', settings.cron, {});
}
