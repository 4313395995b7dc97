import { EMOJI_TABLE, SKIN_TONE_CODE } from './emoji-table.ts';

/** Resolves a Slack user id to a display name; undefined when unknown. */
export type ResolveUser = (userId: string) => Promise<string | undefined>;

const TOKEN = /<([^<>]+)>/g;
const EMOJI = /:([a-z0-9_+'-]+):/g;
const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };
const SPECIAL_MENTIONS = new Set(['here', 'channel', 'everyone']);

/** Undoes Slack's escaping of `&`, `<` and `>` (one pass, so `&amp;lt;` becomes `&lt;`). */
export function unescapeSlack(text: string): string {
  return text.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '');
}

/** Replaces known `:emoji:` codes with unicode, drops skin tones, keeps unknown codes as they are. */
export function replaceEmojiCodes(text: string): string {
  return text.replace(EMOJI, (code, name: string) => {
    if (SKIN_TONE_CODE.test(name)) return '';
    return EMOJI_TABLE[name] ?? code;
  });
}

/**
 * Converts Slack mrkdwn to plain text for a ticket comment: `<@U1>` → `@Name` (via `resolveUser`,
 * falling back to the id), `<#C1|general>` → `#general`, `<url|label>` → `label (url)`, `<url>` →
 * `url`, `<!here>` → `@here`, common `:emoji:` codes → unicode, entities unescaped. Slack's
 * emphasis markers (`*bold*`, `_italic_`) are left alone: they read fine as Markdown.
 */
export async function slackToPlainText(text: string, resolveUser: ResolveUser): Promise<string> {
  const userIds = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const body = match[1] ?? '';
    if (body.startsWith('@')) userIds.add(splitToken(body.slice(1)).value);
  }
  const names = new Map<string, string | undefined>();
  await Promise.all([...userIds].map(async (id) => names.set(id, await resolveUser(id))));

  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    out += replaceEmojiCodes(unescapeSlack(text.slice(last, match.index)));
    out += renderToken(match[1] ?? '', names);
    last = match.index + match[0].length;
  }
  return out + replaceEmojiCodes(unescapeSlack(text.slice(last)));
}

function splitToken(body: string): { value: string; label: string | undefined } {
  const bar = body.indexOf('|');
  if (bar < 0) return { value: body, label: undefined };
  const label = body.slice(bar + 1);
  return { value: body.slice(0, bar), label: label === '' ? undefined : unescapeSlack(label) };
}

function renderToken(body: string, names: ReadonlyMap<string, string | undefined>): string {
  const kind = body[0];
  const { value, label } = splitToken(kind === '@' || kind === '#' || kind === '!' ? body.slice(1) : body);
  if (kind === '@') return `@${names.get(value) ?? label ?? value}`;
  if (kind === '#') return `#${label ?? value}`;
  if (kind === '!') {
    if (SPECIAL_MENTIONS.has(value)) return `@${value}`;
    if (label !== undefined) return label;
    const command = value.split('^')[0] ?? value;
    return `@${command}`;
  }
  return renderLink(unescapeSlack(value), label);
}

function renderLink(url: string, label: string | undefined): string {
  const bare = url.replace(/^mailto:/, '');
  if (label === undefined || label === url || label === bare) return bare;
  if (url.replace(/^https?:\/\//, '') === label) return url;
  return `${label} (${bare})`;
}
