/** Commands the bot understands in a support thread. */
export const REPLY_COMMANDS = ['help', 'resolve'] as const;
export type ReplyCommand = (typeof REPLY_COMMANDS)[number];

const RESOLVE_WORDS: readonly string[] = ['resolve', 'resolve ticket', '✅', ':white_check_mark:'];

/** The command a thread reply is, ignoring case and surrounding spaces; undefined for a plain reply. */
export function replyCommand(plainText: string): ReplyCommand | undefined {
  const text = plainText.trim().replace(/\s+/g, ' ').toLowerCase();
  if (text === 'help') return 'help';
  if (RESOLVE_WORDS.includes(text)) return 'resolve';
  return undefined;
}
