import { describe, expect, it } from 'vitest';
import { replaceEmojiCodes, slackToPlainText, unescapeSlack } from '../src/text/slack-to-plain-text.ts';

const names: Record<string, string> = { U0ALICE: 'Alice Smith', U0BOB: 'Bob' };
const resolve = async (id: string) => names[id];
const convert = (text: string) => slackToPlainText(text, resolve);

describe('slackToPlainText', () => {
  it('names mentioned users and keeps the id of unknown ones', async () => {
    expect(await convert('hi <@U0ALICE> and <@U0NOBODY>')).toBe('hi @Alice Smith and @U0NOBODY');
  });

  it('falls back to the label of a labelled mention when the user is unknown', async () => {
    expect(await convert('<@U0ZED|zed>')).toBe('@zed');
  });

  it('resolves each mentioned user once', async () => {
    const seen: string[] = [];
    await slackToPlainText('<@U0BOB> <@U0BOB> <@U0ALICE>', async (id) => {
      seen.push(id);
      return names[id];
    });
    expect(seen.sort()).toEqual(['U0ALICE', 'U0BOB']);
  });

  it('renders channels with their name, or id when unlabelled', async () => {
    expect(await convert('see <#C0GEN|general> and <#C0OPS>')).toBe('see #general and #C0OPS');
  });

  it('renders links as "label (url)" and bare links as the url', async () => {
    expect(await convert('<https://status.example.com|status page> or <https://example.com>')).toBe(
      'status page (https://status.example.com) or https://example.com',
    );
  });

  it('does not repeat a link whose label is its own url', async () => {
    expect(await convert('<https://example.com|example.com> <mailto:a@example.com|a@example.com>')).toBe(
      'https://example.com a@example.com',
    );
  });

  it('renders special mentions, user groups and dates', async () => {
    expect(
      await convert('<!here> <!channel> <!everyone> <!subteam^S0SRE|@sre> <!date^1392734382^{date}|Feb 18>'),
    ).toBe('@here @channel @everyone @sre Feb 18');
  });

  it('converts common emoji codes and keeps unknown ones', async () => {
    expect(await convert(':fire: :white_check_mark: :custom-party: :wave::skin-tone-3:')).toBe(
      '🔥 ✅ :custom-party: 👋',
    );
  });

  it('unescapes entities once, inside and outside links', async () => {
    expect(await convert('a &lt;b&gt; &amp;amp; <https://x.example/?a=1&amp;b=2|x &amp; y>')).toBe(
      'a <b> &amp; x & y (https://x.example/?a=1&b=2)',
    );
  });

  it('leaves plain text, emphasis and times alone', async () => {
    expect(await convert('*bold* _it_ at 10:30:00')).toBe('*bold* _it_ at 10:30:00');
  });
});

describe('text helpers', () => {
  it('unescapeSlack handles only Slack’s three entities', () => {
    expect(unescapeSlack('&lt;&gt;&amp;&quot;')).toBe('<>&&quot;');
  });

  it('replaceEmojiCodes drops skin tones', () => {
    expect(replaceEmojiCodes(':+1::skin-tone-6:')).toBe('👍');
  });
});
