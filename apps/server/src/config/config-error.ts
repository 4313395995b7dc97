/** Start-up configuration is wrong; `problems` names every bad variable, one line each. */
export class ConfigError extends Error {
  readonly code = 'config.invalid';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} problem(s)):\n  - ${problems.join('\n  - ')}`);
    this.name = new.target.name;
    this.problems = problems;
  }
}
