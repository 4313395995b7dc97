import { describe } from 'vitest';
import { useHarness } from './contract-helpers.ts';
import type { HarnessFactory, IssueRepoHarness } from './harness.ts';
import { issueClaimTests } from './issue-claims-contract.ts';
import { issueConcurrencyTests } from './issue-concurrency-contract.ts';
import { issueCreatedTicketTests } from './issue-created-ticket-contract.ts';
import { issueLeaseTests } from './issue-lease-contract.ts';
import { issueLifecycleTests } from './issue-lifecycle-contract.ts';
import { issueQueryTests } from './issue-queries-contract.ts';
import { issueRecordTests } from './issue-records-contract.ts';
import { issueSearchTests } from './issue-search-contract.ts';
import { issueTransactionTests } from './issue-transaction-contract.ts';

/**
 * The IssueRepo contract: claims and uniqueness, attachments, resolution, listing, search, counts,
 * deliveries and their leases, inbound events, reports, transactions and concurrent writes. `factory` builds a fresh, empty repo per
 * test (closed after it). Durable adapters should give each test its own schema or database.
 */
export function issueRepoContract(name: string, factory: HarnessFactory<IssueRepoHarness>): void {
  describe(`IssueRepo contract: ${name}`, () => {
    const harness = useHarness(factory);
    describe('claims and attachments', () => issueClaimTests(harness));
    describe('resolution, listing, counts and reports', () => issueQueryTests(harness));
    describe('summaries and text search', () => issueSearchTests(harness));
    describe('deliveries and inbound events', () => issueRecordTests(harness));
    describe('delivery leases', () => issueLeaseTests(harness));
    describe('a created ticket, recorded at once', () => issueCreatedTicketTests(harness));
    describe('concurrent writes to one row and thread keys', () => issueConcurrencyTests(harness));
    describe('transactions', () => issueTransactionTests(harness));
    describe('ticket lifecycle: syncs, re-pointing, sweeps and leases', () => issueLifecycleTests(harness));
  });
}
