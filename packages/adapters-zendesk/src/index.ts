export * from './zendesk-config.ts';
export * from './zendesk-errors.ts';
export * from './zendesk-ticket-adapter.ts';
