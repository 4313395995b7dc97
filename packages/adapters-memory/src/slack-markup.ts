/** Escapes the three characters Slack-like markup reserves, as Slack asks senders to. */
export function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };
const TOKEN = /<([^<>|]+)(?:\|([^<>]*))?>/g;

/**
 * Converts Slack-like markup to plain text: `<@U1>` → the user's name (or `@U1` when unknown),
 * `<#C1|name>` → `#name`, `<!here>` → `@here`, `<url|label>` → `label (url)`, `<url>` → url,
 * then unescapes `&amp;`, `&lt;`, `&gt;`.
 */
export function markupToPlainText(text: string, nameOf: (userId: string) => string | undefined): string {
  const replaced = text.replace(TOKEN, (_match, target: string, label: string | undefined) => {
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return nameOf(id) ?? label ?? `@${id}`;
    }
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
    return label === undefined || label === '' || label === target ? target : `${label} (${target})`;
  });
  return replaced.replace(ENTITY, (_match, name: string) => ENTITIES[name] ?? '');
}
