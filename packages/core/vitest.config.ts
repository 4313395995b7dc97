import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The in-memory adapters depend on core, so core's tests reach them by path (no package cycle).
const adaptersMemory = fileURLToPath(new URL('../adapters-memory/src/index.ts', import.meta.url));

export default mergeConfig(
  shared,
  defineProject({
    resolve: { alias: { '@zenslackchat/adapters-memory': adaptersMemory } },
    test: { name: 'core' },
  }),
);
