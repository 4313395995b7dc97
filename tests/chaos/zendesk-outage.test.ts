import { describe } from 'vitest';
import { describeVendorOutage } from '../support/vendor-outage-scenario.ts';

// Two bots side by side (each with its own fakes and database), so the outages overlap in time.
describe.concurrent('Zendesk outages', () => {
  describeVendorOutage('503 for 30 s', 'out503', { status: 503 });
  // Zendesk's rate-limit answer; Retry-After says how long to wait (the job layer honours it).
  describeVendorOutage('429 with Retry-After for 30 s', 'out429', {
    status: 429,
    headers: { 'retry-after': '10' },
    body: JSON.stringify({ error: 'APIRateLimitExceeded', description: 'Rate limit exceeded' }),
  });
});
