export * from './app-config.ts';
export * from './config-error.ts';
export { ENV_NAMES } from './env-schema.ts';
export * from './load-config.ts';
export type { PacingConfig } from './pacing-env.ts';
export { missingVariables, OAUTH_CALLBACK_PATHS, REQUIRED_VARIABLES } from './required-variables.ts';
