import { whole } from './job-env.ts';

/** The chat posting pace: Slack allows about one chat.postMessage per second per channel. */
export const pacingEnvFields = {
  CHAT_POST_INTERVAL_MS: whole(0, 60_000, 'milliseconds'),
  CHAT_POST_BURST: whole(1, 100, 'posts'),
  CHAT_POST_MAX_WAIT_MS: whole(0, 60_000, 'milliseconds'),
};

/** How the bot paces its posts per channel, shared by every process through the database. */
export interface PacingConfig {
  /** One post per channel per interval (CHAT_POST_INTERVAL_MS); 0 turns pacing off. */
  readonly intervalMs: number;
  /** Posts allowed back to back before the interval applies (CHAT_POST_BURST). */
  readonly burst: number;
  /** Longest a job waits in process for its slot; a later slot defers the job (CHAT_POST_MAX_WAIT_MS). */
  readonly maxWaitMs: number;
}

type PacingEnv = { readonly [K in keyof typeof pacingEnvFields]?: number | undefined };

/** The pacing settings from the validated variables. */
export function pacingConfig(env: PacingEnv): PacingConfig {
  return {
    intervalMs: env.CHAT_POST_INTERVAL_MS ?? 1000,
    burst: env.CHAT_POST_BURST ?? 3,
    maxWaitMs: env.CHAT_POST_MAX_WAIT_MS ?? 5000,
  };
}
