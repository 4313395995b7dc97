/** A link inside a structured message. */
export interface MessageLink {
  readonly label: string;
  readonly url: string;
}

/** One entry of a section's list: plain text, an optional detail (e.g. an age) and links. */
export interface MessageItem {
  readonly text: string;
  readonly detail?: string;
  readonly links: readonly MessageLink[];
}

/**
 * A platform-neutral part of a structured message (the daily report): a title, a line of plain
 * text, a list of items, and how many items were left out ("and N more"). Adapters that render
 * rich layouts (Slack's Block Kit) build them from sections; the message's `text` says the same.
 */
export interface MessageSection {
  readonly title?: string;
  readonly text?: string;
  readonly items?: readonly MessageItem[];
  /** Items left out of `items` for length; shown as "and N more". */
  readonly more?: number;
}
