import type { ChatUser } from '@zenslackchat/core';

interface SlackUserShape {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly real_name?: unknown;
  readonly profile?: {
    readonly display_name?: unknown;
    readonly real_name?: unknown;
    readonly email?: unknown;
  };
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Maps a users.info `user` object to the core's user: the name is the display name, else the
 * real name, else the handle; the email only when Slack gave one (it needs `users:read.email`;
 * bots, guests and Slack Connect users may have none). Undefined when the answer has no user.
 */
export function toChatUser(userId: string, raw: unknown): ChatUser | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const user = raw as SlackUserShape;
  const name =
    nonEmpty(user.profile?.display_name) ??
    nonEmpty(user.profile?.real_name) ??
    nonEmpty(user.real_name) ??
    nonEmpty(user.name);
  const email = nonEmpty(user.profile?.email);
  return {
    id: nonEmpty(user.id) ?? userId,
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
  };
}
