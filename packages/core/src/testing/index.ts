export * from './chat-port-contract.ts';
export * from './contract-helpers.ts';
export * from './harness.ts';
