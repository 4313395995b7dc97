import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword } from '../src/cli/read-password.ts';

function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk) => {
    shown += String(chunk);
  });
  return { input, output, shown: () => shown };
}

describe('create-admin password input', () => {
  it('on a terminal: asks twice and never echoes what is typed', async () => {
    const tty = terminal();
    const read = readPassword(tty);
    tty.input.write('a typed password 1\r');
    await new Promise((resolve) => setImmediate(resolve));
    tty.input.write('a typed password 1\r');
    await expect(read).resolves.toBe('a typed password 1');
    expect(tty.shown()).toContain('Password for the new admin: ');
    expect(tty.shown()).toContain('Type it again: ');
    expect(tty.shown()).not.toContain('typed');
  });

  it('on a terminal: refuses two different passwords', async () => {
    const tty = terminal();
    const read = readPassword(tty);
    tty.input.write('a typed password 1\r');
    await new Promise((resolve) => setImmediate(resolve));
    tty.input.write('a typed password 2\r');
    await expect(read).rejects.toThrow('the two passwords differ');
  });

  it('piped: the first line of standard input', async () => {
    const input = new PassThrough();
    input.end('piped password\r\nsecond line\n');
    await expect(readPassword({ input, output: new PassThrough() })).resolves.toBe('piped password');
  });
});
