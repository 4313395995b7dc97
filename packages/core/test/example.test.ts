import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, packageDir), 'utf8');

describe('the README example', () => {
  it('runs as `pnpm example` runs it and shows the whole conversation', () => {
    const script = JSON.parse(read('package.json')).scripts.example as string;
    const [command, ...args] = script.split(' ');
    expect(command).toBe('node');
    const output = execFileSync(process.execPath, args, { cwd: packageDir, encoding: 'utf8' });
    expect(output.trim().split('\n')).toEqual([
      'thread : Hello, your new support request is https://example.zendesk.com/agent/tickets/1.',
      'thread : Primary on call: Ann, Bo / Secondary on call: nobody',
      'thread : Dana (Zendesk): Restarting it now',
      'thread : Understood. The issue is resolved and ticket https://example.zendesk.com/agent/tickets/1 is solved.',
      'channel: Daily report: 0 open issues; 1 issue resolved on 2026-06-15. /  / Resolved on 2026-06-15: / • VPN is down thread: https://memory.slack.com/archives/C-HELP/p1781514000000100 ticket: https://example.zendesk.com/agent/tickets/1',
      'ticket : VPN is down /  / Raised in chat: https://memory.slack.com/archives/C-HELP/p1781514000000100',
      'ticket : Restarting it now',
      'ticket : Alice: Works, thanks',
    ]);
  });

  it('is quoted in the README exactly as the file reads', () => {
    expect(read('README.md')).toContain(read('examples/in-memory-bot.ts'));
  });
});
