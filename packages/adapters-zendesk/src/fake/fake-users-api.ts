import { apiError, type FakeResponse } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { createOrUpdateUserBody, validate } from './fake-validation.ts';
import { type FakeMode, userWire } from './fake-wire.ts';

/**
 * `GET /users/search?query=` (https://developer.zendesk.com/api-reference/ticketing/users/users/#search-users): `email:x` matches an email exactly, other
 * text any name or email part. An offset page; minimal leaves out `count` and the page links.
 */
export function searchUsers(state: FakeState, query: Record<string, string>, mode: FakeMode): FakeResponse {
  const text = query.query?.trim();
  if (!text) return apiError(400, 'InvalidSearchQuery', 'query is required');
  const exact = /^email:"?([^"]+)"?$/.exec(text)?.[1]?.toLowerCase();
  const users = [...state.users.values()].filter((user) =>
    exact !== undefined
      ? user.email?.toLowerCase() === exact
      : `${user.name} ${user.email ?? ''}`.toLowerCase().includes(text.toLowerCase()),
  );
  const page = mode === 'minimal' ? {} : { count: users.length, next_page: null, previous_page: null };
  return { status: 200, body: { users: users.map((user) => userWire(user, mode)), ...page } };
}

/**
 * `POST /users/create_or_update` (https://developer.zendesk.com/api-reference/ticketing/users/users/#create-or-update-user): 201 `{ user }` when the email
 * was new, 200 (name updated) otherwise.
 */
export function createOrUpdateUser(state: FakeState, body: unknown, mode: FakeMode): FakeResponse {
  const parsed = validate(createOrUpdateUserBody, body);
  if (!parsed.ok) return parsed.error;
  const input = parsed.value.user;
  const existing = state.userByEmail(input.email);
  if (existing) {
    existing.name = input.name;
    return { status: 200, body: { user: userWire(existing, mode) } };
  }
  const user = state.addUser(input.name, input.email, input.role ?? 'end-user');
  return { status: 201, body: { user: userWire(user, mode) } };
}
