export * from './config/index.ts';
export { type AdapterOverrides, buildContainer, type ContainerParts } from './container/build-container.ts';
export { ServerTokens } from './container/tokens.ts';
export {
  acceptChatEvent,
  acceptTicketNotice,
  type ChatIntake,
  type IntakeDeps,
  type TicketIntake,
} from './jobs/durable-intake.ts';
export type { JobHandlers } from './jobs/job-handlers.ts';
export { DEFAULT_JOB_TUNING, type JobTuning } from './jobs/job-tuning.ts';
export { DEAD_LETTER_QUEUE, type DeadLetter, WORK_QUEUES, type WorkQueue } from './jobs/queues.ts';
export { type ReplayReport, replayDeadLetters } from './jobs/replay-dead-letters.ts';
export { createLogger } from './logging/create-logger.ts';
export { type BuildOptions, buildServer, type ZenServer } from './server/build-server.ts';
export { ROLES, type Role } from './server/roles.ts';
