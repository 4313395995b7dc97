export { STATE_COOKIE } from './oauth/oauth-state-cookie.ts';
export * from './oauth/zendesk-oauth-plugin.ts';
export * from './oauth/zendesk-oauth-scopes.ts';
export * from './oauth/zendesk-token-from-store.ts';
export { ZENDESK_WEBHOOK_KINDS, type ZendeskWebhookKind } from './webhooks/webhook-body.ts';
export {
  REPLAY_WINDOW_MS,
  SIGNATURE_HEADER,
  signZendeskWebhook,
  TIMESTAMP_HEADER,
} from './webhooks/webhook-signature.ts';
export * from './webhooks/zendesk-webhooks-plugin.ts';
export * from './zendesk-config.ts';
export * from './zendesk-errors.ts';
export * from './zendesk-ticket-adapter.ts';
