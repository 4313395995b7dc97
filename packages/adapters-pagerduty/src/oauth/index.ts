export * from './pagerduty-oauth-client.ts';
export * from './pagerduty-oauth-config.ts';
export * from './pagerduty-oauth-plugin.ts';
export * from './pagerduty-token-from-store.ts';
