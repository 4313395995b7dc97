import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './scripts/summary-reporter.ts';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests/vitest.config.ts', 'tests/vitest.chaos.config.ts'],
    reporters: ['default', new SummaryReporter()],
  },
});
