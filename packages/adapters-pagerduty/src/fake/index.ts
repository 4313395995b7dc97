export * from './fake-faults.ts';
export * from './fake-oncalls.ts';
export * from './fake-pagerduty.ts';
export * from './on-call-harness.ts';
