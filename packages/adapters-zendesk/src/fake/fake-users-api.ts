import { apiError, type FakeResponse } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { createOrUpdateUserBody, validate } from './fake-validation.ts';

/** `GET /users/search?query=`: `email:x` matches an email exactly, other text any name or email part. */
export function searchUsers(state: FakeState, query: Record<string, string>): FakeResponse {
  const text = query.query?.trim();
  if (!text) return apiError(400, 'InvalidSearchQuery', 'query is required');
  const exact = /^email:"?([^"]+)"?$/.exec(text)?.[1]?.toLowerCase();
  const users = [...state.users.values()].filter((user) =>
    exact !== undefined
      ? user.email?.toLowerCase() === exact
      : `${user.name} ${user.email ?? ''}`.toLowerCase().includes(text.toLowerCase()),
  );
  return { status: 200, body: { users, count: users.length, next_page: null, previous_page: null } };
}

/** `POST /users/create_or_update`: 201 when the email was new, 200 (name updated) otherwise. */
export function createOrUpdateUser(state: FakeState, body: unknown): FakeResponse {
  const parsed = validate(createOrUpdateUserBody, body);
  if (!parsed.ok) return parsed.error;
  const input = parsed.value.user;
  const existing = state.userByEmail(input.email);
  if (existing) {
    existing.name = input.name;
    return { status: 200, body: { user: existing } };
  }
  return { status: 201, body: { user: state.addUser(input.name, input.email, input.role ?? 'end-user') } };
}
