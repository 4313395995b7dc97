/** Marker Teams puts between a channel id and a thread's root message id. */
const MESSAGE_ID_MARKER = ';messageid=';

/** The conversation id of a channel thread: `19:…@thread.tacv2;messageid=<root id>`. */
export function threadConversationId(channel: string, rootId: string): string {
  return `${channel}${MESSAGE_ID_MARKER}${rootId}`;
}

/** Splits a conversation id into its channel and, for a thread, the root message id. */
export function parseConversationId(conversationId: string): { channel: string; rootId?: string } {
  const at = conversationId.indexOf(MESSAGE_ID_MARKER);
  if (at < 0) return { channel: conversationId };
  const rootId = conversationId.slice(at + MESSAGE_ID_MARKER.length);
  return rootId === ''
    ? { channel: conversationId.slice(0, at) }
    : { channel: conversationId.slice(0, at), rootId };
}
