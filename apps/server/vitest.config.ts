import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Vitest hands resolve conditions to its Node workers as `--conditions`, which Node applies to
// require() too: with `import` listed, pg's require('pg-pool') gets the ESM build and fails. Node
// adds import/require by itself, so this project lists only the source and platform conditions.
const conditions = ['@zenslackchat/source', 'node', 'default'];
const config = mergeConfig(
  shared,
  defineProject({ test: { name: 'server', setupFiles: ['./test/support/setup.ts'] } }),
);
config.resolve = { ...config.resolve, conditions };
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions } };

export default config;
