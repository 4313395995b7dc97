import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../src/config/index.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('configuration docs', () => {
  it.each([['docs/configuration.md'], ['.env.example']])(
    '%s names every variable the server reads',
    (path) => {
      const text = read(path);
      expect(ENV_NAMES.filter((name) => !new RegExp(`\\b${name}\\b`).test(text))).toEqual([]);
    },
  );
});
