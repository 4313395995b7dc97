import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources of workspace packages (the `@zenslackchat/source`
// export condition), so `pnpm test` needs no build first.
const conditions = ['@zenslackchat/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['node'] } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
