export * from './fake-agent-actions.ts';
export type { FakeCommentInput, FakeEmailTicketInput } from './fake-back-door.ts';
export * from './fake-faults.ts';
export type { FakeOAuthClient } from './fake-oauth.ts';
export * from './fake-records.ts';
export type { FakeDelivery, FakeWebhookTargets } from './fake-webhooks.ts';
export * from './fake-wire.ts';
export * from './fake-zendesk.ts';
export * from './zendesk-ticket-harness.ts';
