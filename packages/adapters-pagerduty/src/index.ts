export * from './oauth/index.ts';
export * from './oncalls-page.ts';
export * from './pagerduty-config.ts';
export * from './pagerduty-error.ts';
export * from './pagerduty-on-call-adapter.ts';
