/** What a process does: serve HTTP, run jobs, or both. */
export const ROLES = ['web', 'worker', 'all'] as const;
export type Role = (typeof ROLES)[number];

/** True when the role serves the vendor endpoints and the web UI. */
export const servesWeb = (role: Role): boolean => role !== 'worker';

/** True when the role runs the job workers and the report schedule. */
export const runsWorkers = (role: Role): boolean => role !== 'web';
