import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './scripts/summary-reporter.ts';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests'],
    reporters: ['default', new SummaryReporter()],
    // Vitest's default is one worker per core but one (a single worker on two cores); most files
    // wait on servers, databases and timers, so two run side by side (CI: ~16 → ~9 minutes).
    maxWorkers: 2,
  },
});
