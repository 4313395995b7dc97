import { z } from 'zod';
import type { JobsConfig } from './app-config.ts';

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A decimal number within [min, max] (unset is allowed). */
const decimal = (min: number, max: number, unit: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, `must be a number of ${unit}`)
      .transform(Number)
      .refine((value) => value >= min && value <= max, `must be between ${min} and ${max} ${unit}`)
      .optional(),
  );

/** A whole number within [min, max] (unset is allowed). */
export const whole = (min: number, max: number, unit: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `must be a whole number of ${unit}`)
      .transform(Number)
      .refine((value) => value >= min && value <= max, `must be between ${min} and ${max} ${unit}`)
      .optional(),
  );

/**
 * The job queue's variables. The budget stays under pg-boss's 14-day retention of queued jobs (a
 * job still waiting for its retry past that would be deleted).
 */
export const jobEnvFields = {
  JOB_RETRY_DELAY_SECONDS: whole(1, 3600, 'seconds'),
  JOB_RETRY_DELAY_MAX_SECONDS: whole(1, 86_400, 'seconds'),
  JOB_RETRY_BUDGET_HOURS: decimal(0.001, 168, 'hours'),
  WORKER_CONCURRENCY: whole(1, 64, 'jobs'),
};

type JobEnv = { readonly [K in keyof typeof jobEnvFields]?: number | undefined };

/** The job settings from the validated variables; `problems` gets inconsistent combinations. */
export function jobsConfig(env: JobEnv, problems: string[]): JobsConfig {
  const config: JobsConfig = {
    retryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS ?? 5,
    retryDelayMaxSeconds: env.JOB_RETRY_DELAY_MAX_SECONDS ?? 900,
    retryBudgetHours: env.JOB_RETRY_BUDGET_HOURS ?? 24,
    concurrency: env.WORKER_CONCURRENCY ?? 4,
  };
  if (config.retryDelayMaxSeconds < config.retryDelaySeconds) {
    problems.push('JOB_RETRY_DELAY_MAX_SECONDS: must be at least JOB_RETRY_DELAY_SECONDS');
  }
  return config;
}
