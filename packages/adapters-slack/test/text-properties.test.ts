import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainToSlack } from '../src/text/plain-to-slack.ts';
import { slackToPlainText } from '../src/text/slack-to-plain-text.ts';

const noUsers = async () => undefined;
// Emoji codes are the one thing that does not read back verbatim (`:fire:` comes back as 🔥).
const plainText = fc.string({ unit: 'grapheme', maxLength: 300 }).filter((s) => !s.includes(':'));
const markupHeavy = fc.stringMatching(/^[<>&;@#!|a-z ]{0,200}$/);

describe('text conversion properties', () => {
  it('reads back exactly what was written, whatever markup characters it holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(plainText, markupHeavy), async (text) => {
        expect(await slackToPlainText(plainToSlack(text), noUsers)).toBe(text);
      }),
    );
  });

  it('never lets a raw < or > through, so a comment cannot mention or link', () => {
    fc.assert(
      fc.property(markupHeavy, (text) => {
        expect(plainToSlack(text)).not.toMatch(/[<>]/);
      }),
    );
  });

  it('stays within the limit and never ends inside an entity', () => {
    fc.assert(
      fc.property(markupHeavy, fc.integer({ min: 60, max: 250 }), (text, maxLength) => {
        const out = plainToSlack(text.repeat(3), { maxLength, overflowUrl: 'https://t.example/9' });
        expect(out.length).toBeLessThanOrEqual(maxLength);
        const head = out.replace(/… \(continued at <https:\/\/t\.example\/9>\)$/, '');
        expect(head).not.toMatch(/&[a-z]{0,3}$/);
      }),
    );
  });
});
