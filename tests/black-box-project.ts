import { defineProject, mergeConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import shared from '../vitest.shared.ts';

type Options = NonNullable<TestProjectInlineConfiguration['test']>;

/**
 * A black-box project: each file starts the built server as its own process (globalSetup builds
 * it), fake vendor servers and a fresh Postgres database. Like apps/server, only the source and
 * platform conditions are listed, so pg's require() keeps its CommonJS build.
 */
export function blackBoxProject(test: Options) {
  const conditions = ['@zenslackchat/source', 'node', 'default'];
  const config = mergeConfig(
    shared,
    defineProject({
      test: {
        globalSetup: ['./support/global-setup.ts'],
        setupFiles: ['./support/setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        ...test,
      },
    }),
  );
  config.resolve = { ...config.resolve, conditions };
  config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions } };
  return config;
}
