import type { MessageSection } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';
import { sectionsToBlocks } from '../src/text/sections-to-blocks.ts';

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

const items = (n: number, url = 'https://acme.slack.com/archives/C1/p1600000000000001') =>
  Array.from({ length: n }, (_, i) => ({
    text: `Issue ${i} with <markup> & more`,
    detail: `${i}d`,
    links: [
      { label: 'thread', url },
      { label: 'ticket', url: `https://acme.zendesk.com/agent/tickets/${i}` },
    ],
  }));

const report = (open: number, resolved: number, url?: string): MessageSection[] => [
  { text: 'Daily report: many open issues; many resolved on 2026-06-15.' },
  { title: 'Open issues, oldest first', items: items(Math.min(open, 20), url), more: Math.max(0, open - 20) },
  {
    title: 'Resolved on 2026-06-15',
    items: items(Math.min(resolved, 20), url),
    more: Math.max(0, resolved - 20),
  },
];

const textOf = (block: Block) => block.text?.text ?? block.elements?.map((e) => e.text).join('') ?? '';

describe('sectionsToBlocks', () => {
  it('renders headers, escaped lines with mrkdwn links and "and N more"', () => {
    const blocks = sectionsToBlocks(report(25, 3)) as Block[];
    // 20 lines of ~180 characters need two sections (3,000 characters each at most).
    expect(blocks.map((b) => b.type)).toEqual([
      'section',
      'header',
      'section',
      'section',
      'context',
      'header',
      'section',
    ]);
    expect(blocks[2]?.text?.text.split('\n')[0]).toBe(
      '• Issue 0 with &lt;markup&gt; &amp; more _0d_ — <https://acme.slack.com/archives/C1/p1600000000000001|thread> · <https://acme.zendesk.com/agent/tickets/0|ticket>',
    );
    expect(textOf(blocks[4]!)).toBe('and 5 more');
  });

  it.each([
    [5000, 3000, 'short links'],
    [5000, 3000, 'https://acme.slack.com/archives/C1/p1?x='.padEnd(1500, 'y')],
  ])('stays inside Slack limits with %i open and %i resolved (%s)', (open, resolved, link) => {
    const url = link === 'short links' ? undefined : link;
    const blocks = sectionsToBlocks(report(open, resolved, url)) as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) expect(textOf(block).length).toBeLessThanOrEqual(3000);
    expect(blocks.reduce((sum, block) => sum + textOf(block).length, 0)).toBeLessThanOrEqual(12_000);
    // Every issue is shown or counted.
    const shown = blocks
      .filter((b) => b.type === 'section')
      .flatMap((b) => textOf(b).split('\n'))
      .filter((l) => l.startsWith('• ')).length;
    const more = blocks
      .filter((b) => b.type === 'context')
      .reduce((sum, b) => sum + Number(textOf(b).match(/and (\d+) more/)?.[1] ?? 0), 0);
    expect(shown + more).toBe(open + resolved);
  });
});

describe('SlackChatAdapter.postMessage with sections', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await FakeSlack.start({ channels: ['C0SUPPORT'] });
  });
  afterEach(() => fake.close());

  it('sends Block Kit with the text as the fallback, one message', async () => {
    const slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url, timeoutMs: 1000 });
    await slack.postMessage({
      channel: 'C0SUPPORT',
      text: 'Daily report: …',
      key: 'report:1',
      sections: report(30, 2),
    });
    const calls = fake.calls.filter((call) => call.method === 'chat.postMessage');
    expect(calls).toHaveLength(1);
    const params = calls[0]?.params as Record<string, unknown>;
    expect(params.text).toBe('Daily report: …');
    const blocks = JSON.parse(String(params.blocks)) as Block[];
    expect(blocks).toEqual(sectionsToBlocks(report(30, 2)));
    expect(fake.messages).toHaveLength(1);
  });
});
