import { describe, expect, it } from 'vitest';
import { replyCommand, ticketSubject } from '../src/index.ts';

describe('ticket subjects', () => {
  it('takes the first non-empty line, with spaces collapsed', () => {
    expect(ticketSubject('\n \n  Printer   on fire \nsecond line')).toBe('Printer on fire');
  });

  it('keeps a line of exactly the limit', () => {
    const line = 'a'.repeat(100);
    expect(ticketSubject(line)).toBe(line);
  });

  it('cuts a longer line at the last word boundary and adds an ellipsis', () => {
    const subject = ticketSubject(`${'alpha beta, '.repeat(10)}gamma`);
    // 99 characters end inside "alpha": the partial word and the trailing comma go.
    expect(subject).toBe(`${'alpha beta, '.repeat(8).trim().slice(0, -1)}…`);
    expect(Array.from(subject).length).toBeLessThanOrEqual(100);
  });

  it('cuts one very long word hard', () => {
    expect(ticketSubject('x'.repeat(300))).toBe(`${'x'.repeat(99)}…`);
  });

  it('counts characters, not UTF-16 units, so emoji are never split', () => {
    const subject = ticketSubject('🔥'.repeat(150));
    expect(Array.from(subject)).toHaveLength(100);
    expect(subject.endsWith('🔥…')).toBe(true);
  });

  it('is empty for blank text', () => {
    expect(ticketSubject(' \n\t ')).toBe('');
  });
});

describe('thread reply commands', () => {
  it.each([
    ['help', 'help'],
    [' Help ', 'help'],
    ['resolve', 'resolve'],
    ['Resolve  Ticket', 'resolve'],
    ['✅', 'resolve'],
    [' :white_check_mark: ', 'resolve'],
    ['please resolve', undefined],
    ['help me', undefined],
    ['✅ done', undefined],
  ])('%j is %s', (text, expected) => {
    expect(replyCommand(text)).toBe(expected);
  });
});
