import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES, loadConfig, REQUIRED_VARIABLES } from '../src/config/index.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const INTEGRATION_LABELS = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  zendesk: 'Zendesk',
  pagerduty: 'PagerDuty',
} as const;

/** The README's "What each integration needs" rows, backticks removed: integration label → needs. */
function readmeNeeds(): Record<string, string> {
  const rows = read('README.md')
    .split('\n')
    .filter((line) => /^\| (Slack|Microsoft Teams|Zendesk|PagerDuty) \|/.test(line));
  return Object.fromEntries(
    rows.map((line) => {
      const [, label = '', needs = ''] = line.split('|').map((cell) => cell.trim());
      return [label, needs.replaceAll('`', '')];
    }),
  );
}

describe('configuration docs', () => {
  it.each([['docs/configuration.md'], ['.env.example'], ['README.md']])(
    '%s names every variable the server reads',
    (path) => {
      const text = read(path);
      expect(ENV_NAMES.filter((name) => !new RegExp(`\\b${name}\\b`).test(text))).toEqual([]);
    },
  );

  it("the README's table of what each integration needs is the list the log and the home page use", () => {
    const expected = Object.fromEntries(
      Object.entries(REQUIRED_VARIABLES).map(([id, items]) => [
        INTEGRATION_LABELS[id as keyof typeof INTEGRATION_LABELS],
        items.map((item) => item.label).join(', '),
      ]),
    );
    expect(readmeNeeds()).toEqual(expected);
    // With nothing set, each integration lacks exactly that list.
    for (const entry of loadConfig({}).notConfigured) {
      expect(entry.missing.join(', ')).toBe(expected[INTEGRATION_LABELS[entry.integration]]);
    }
  });
});
