import type { KnownBlock } from '@slack/web-api';
import type { MessageItem, MessageSection } from '@zenslackchat/core';
import { escapeSlack } from './plain-to-slack.ts';

// Slack's limits: a section's text at most 3,000 characters
// (https://docs.slack.dev/reference/block-kit/blocks/section-block), a header's 150
// (https://docs.slack.dev/reference/block-kit/blocks/header-block), at most 50 blocks per message
// (https://docs.slack.dev/reference/methods/chat.postMessage); and `msg_blocks_too_long` well
// before 40,000 characters in all (about 13,000 seen: slackapi/bolt-js#2509), so a total budget too.
const SECTION_MAX = 3_000;
const HEADER_MAX = 150;
const MAX_BLOCKS = 50;
const TOTAL_MAX = 11_000;

/** A URL inside `<url|label>`: the characters that would end the link are percent-encoded. */
function linkUrl(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function itemLine(item: MessageItem): string {
  const detail = item.detail === undefined ? '' : ` _${escapeSlack(item.detail)}_`;
  const links = item.links.map((link) => `<${linkUrl(link.url)}|${escapeSlack(link.label)}>`).join(' · ');
  return cut(`• ${escapeSlack(item.text)}${detail}${links === '' ? '' : ` — ${links}`}`, SECTION_MAX);
}

const mrkdwn = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * Renders the core's neutral sections as Block Kit, inside Slack's limits whatever their size:
 * items that do not fit (per block, block count or total) are counted into "and N more".
 */
export function sectionsToBlocks(sections: readonly MessageSection[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let total = 0;
  const room = (length: number, reserve: number) =>
    blocks.length + 1 + reserve <= MAX_BLOCKS && total + length <= TOTAL_MAX;
  const add = (block: KnownBlock, length: number) => {
    blocks.push(block);
    total += length;
  };
  const reserve = sections.length * 3;
  for (const section of sections) {
    if (section.title !== undefined) {
      const title = cut(section.title, HEADER_MAX);
      if (room(title.length, reserve))
        add({ type: 'header', text: { type: 'plain_text', text: title } }, title.length);
    }
    if (section.text !== undefined) {
      const text = cut(escapeSlack(section.text), SECTION_MAX);
      if (room(text.length, reserve)) add(mrkdwn(text), text.length);
    }
    const items = section.items ?? [];
    let more = section.more ?? 0;
    let lines: string[] = [];
    const flush = () => {
      if (lines.length > 0) add(mrkdwn(lines.join('\n')), 0);
      lines = [];
    };
    for (const [index, item] of items.entries()) {
      const line = itemLine(item);
      if (lines.join('\n').length + line.length + 1 > SECTION_MAX) flush();
      if (!room(line.length, reserve - 1)) {
        more += items.length - index;
        break;
      }
      lines.push(line);
      total += line.length;
    }
    flush();
    if (more > 0) add({ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${more} more` }] }, 20);
  }
  return blocks;
}
