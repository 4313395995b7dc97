import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/** Where the password comes from: the terminal (asked twice, not echoed) or piped standard input. */
export interface PasswordSource {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

/** The first line of piped input, without its line ending. */
async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
async function ask(source: PasswordSource, prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) source.output.write(chunk);
      done();
    },
  });
  const terminal = createInterface({ input: source.input, output, terminal: true });
  try {
    source.output.write(prompt);
    muted = true;
    return await terminal.question('');
  } finally {
    muted = false;
    source.output.write('\n');
    terminal.close();
  }
}

/**
 * Reads the new admin's password, never from the command line (it would show in the process list
 * and the shell history): a prompt on a terminal, typed twice, or the first line of piped input.
 */
export async function readPassword(source: PasswordSource): Promise<string> {
  if (source.input.isTTY !== true) return firstLine(source.input);
  const password = await ask(source, 'Password for the new admin: ');
  if ((await ask(source, 'Type it again: ')) !== password) throw new Error('the two passwords differ');
  return password;
}
