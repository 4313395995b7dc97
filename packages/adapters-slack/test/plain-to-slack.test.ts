import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SLACK_LENGTH, escapeSlack, plainToSlack } from '../src/text/plain-to-slack.ts';

describe('plainToSlack', () => {
  it('escapes &, < and > so a comment cannot ping or link', () => {
    expect(plainToSlack('<!channel> & <@U1> a>b')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; a&gt;b');
  });

  it('leaves bare URLs and short text unchanged', () => {
    expect(plainToSlack('see https://example.com/a?b=c')).toBe('see https://example.com/a?b=c');
  });

  it('cuts long text at a word break with a link to the rest, within the limit', () => {
    const text = 'word '.repeat(2_000);
    const out = plainToSlack(text, { overflowUrl: 'https://acme.zendesk.com/agent/tickets/42' });
    expect(out.length).toBeLessThanOrEqual(DEFAULT_MAX_SLACK_LENGTH);
    expect(out.endsWith('word… (continued at <https://acme.zendesk.com/agent/tickets/42>)')).toBe(true);
  });

  it('never cuts inside an entity or a surrogate pair', () => {
    const amp = plainToSlack('&'.repeat(50), { maxLength: 20 });
    expect(amp).toMatch(/^(&amp;)+…$/);
    const emoji = plainToSlack('😀'.repeat(50), { maxLength: 21 });
    expect(emoji).toBe(`${'😀'.repeat(10)}…`);
  });

  it('cuts without a link when no overflow URL is given', () => {
    expect(plainToSlack('abcdefghij', { maxLength: 5 })).toBe('abcd…');
  });

  it('keeps an overflow URL from breaking out of the link syntax', () => {
    const out = plainToSlack('x'.repeat(100), { maxLength: 60, overflowUrl: 'https://a.example/<b>|c' });
    expect(out).toContain('<https://a.example/%3Cb%3E%7Cc>');
    expect(out.length).toBeLessThanOrEqual(60);
  });

  it('escapeSlack escapes & first so entities are not double-escaped', () => {
    expect(escapeSlack('&lt;')).toBe('&amp;lt;');
  });
});
