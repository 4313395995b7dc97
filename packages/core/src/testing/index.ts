export * from './chat-port-contract.ts';
export * from './contract-helpers.ts';
export * from './harness.ts';
export * from './on-call-port-contract.ts';
export * from './ticket-comments-contract.ts';
export * from './ticket-port-contract.ts';
export * from './token-store-contract.ts';
