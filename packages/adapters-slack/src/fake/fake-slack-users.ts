import type { FakeSlackMode, FakeSlackUser } from './fake-slack-state.ts';

const IMAGE_BASE = 'https://avatars.slack-edge.com/fake';

/** The `image_*` fields: the only profile fields users.info guarantees. */
function images(userId: string): Record<string, string> {
  const sizes = ['24', '32', '48', '72', '192', '512'] as const;
  return Object.fromEntries(sizes.map((size) => [`image_${size}`, `${IMAGE_BASE}/${userId}_${size}.jpg`]));
}

/** The lower-case handle (`name`) Slack derives for a person: "Alice Example" → "alice.example". */
export function handleOf(user: FakeSlackUser): string {
  return (user.name ?? user.id).toLowerCase().replace(/\s+/g, '.');
}

/**
 * users.info's `user` object for a directory entry, in Slack's shape.
 *
 * Full answers follow the "Common successful response" of https://api.slack.com/methods/users.info
 * (id, team_id, name, deleted, color, real_name, tz…, profile with names and email, is_* flags,
 * updated, is_app_user, has_2fa), varied by kind as that page and the Slack Connect page describe:
 * guests are `is_restricted` with no email; Slack Connect users carry another `team_id`,
 * `is_stranger: true`, no email and no display name (https://api.slack.com/apis/channels-between-orgs);
 * bot users are `is_bot` with `bot_id`/`api_app_id` in the profile and no email.
 *
 * Minimal answers keep only what the page guarantees: "Only the image_* fields are guaranteed to be
 * included" in the profile, plus the user's id and `name`, which every documented example carries.
 */
export function userObject(
  user: FakeSlackUser,
  teamId: string,
  mode: FakeSlackMode,
): Record<string, unknown> {
  const kind = user.kind ?? 'member';
  const isBot = kind === 'bot';
  if (mode === 'minimal') {
    return { id: user.id, name: handleOf(user), is_bot: isBot, profile: images(user.id) };
  }
  const name = user.name ?? '';
  const external = kind === 'external';
  const profile: Record<string, unknown> = {
    avatar_hash: 'ge3b51ca72de',
    status_text: '',
    status_emoji: '',
    real_name: name,
    real_name_normalized: name,
    // Slack Connect users come without a display name; everyone else may have set one.
    ...(external ? {} : { display_name: name, display_name_normalized: name }),
    // Email needs users:read.email and is never given for guests, Slack Connect users or bots.
    ...(kind === 'member' && user.email !== undefined ? { email: user.email } : {}),
    ...(isBot ? { bot_id: `B${user.id.slice(1)}`, api_app_id: 'A0OTHERAPP', always_active: true } : {}),
    ...images(user.id),
    team: external ? 'T0EXTERNAL' : teamId,
  };
  return {
    id: user.id,
    team_id: external ? 'T0EXTERNAL' : teamId,
    name: handleOf(user),
    deleted: false,
    color: '9f69e7',
    real_name: name,
    tz: 'America/Los_Angeles',
    tz_label: 'Pacific Daylight Time',
    tz_offset: -25200,
    profile,
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: kind === 'guest',
    is_ultra_restricted: false,
    is_bot: isBot,
    ...(external ? { is_stranger: true } : {}),
    updated: 1502138686,
    is_app_user: false,
    has_2fa: false,
  };
}
