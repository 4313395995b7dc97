import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources of workspace packages (the `@zenslackchat/source`
// export condition), so `pnpm test` needs no build first.
// Vitest hands these to its Node workers as `--conditions`, which Node applies to require() too:
// listing `import` would make pg's require('pg-pool') load the ESM build. Node adds import/require.
const conditions = ['@zenslackchat/source', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['node'] } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two test files at a time (Vitest's default on two cores is one). Set per project, because
    // the root config's value does not reach the projects; every project of one `groupOrder`
    // must name the same count.
    maxWorkers: 2,
  },
});
